// shape(x), int_shape(x), ndim(x), size(x): compile-time ints where the size is
// known, run-time dimensions for a symbolic batch.

#include "builtins/support.h"

using namespace lamina;
using test::expect_values;
using test::iota;

namespace {
std::vector<InputSignature> batch_of_4() { return {{"x", DType::Float32, {std::nullopt, 4}}}; }
}  // namespace

TEST_CASE("an item of shape(x) is an int for known sizes and a run-time value for the batch", "[shape_queries]") {
  auto f = Lambda::compile("x * shape(x)[1]", batch_of_4());
  expect_values(f.run({iota({1, 4})})[0], {1, 4}, {0, 4, 8, 12});
  auto g = Lambda::compile("shape(x)[0]", batch_of_4());
  CHECK(g.output_types() == std::vector<std::string>{"int32()"});
  for (int64_t batch : {1, 3, 0}) {
    INFO("batch " << batch);
    expect_values(g.run({iota({batch, 4})})[0], {}, {static_cast<double>(batch)});
  }
  auto h = Lambda::compile("x / shape(x)[0]", batch_of_4());
  expect_values(h.run({iota({2, 4})})[0], {2, 4}, {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5});
}

TEST_CASE("shape(x) slices and concatenates as a tuple", "[shape_queries]") {
  auto f = Lambda::compile("reshape(x, shape(x)[:1] + (2, 2))", batch_of_4());
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 2, 2)"});
  expect_values(f.run({iota({1, 4})})[0], {1, 2, 2}, {0, 1, 2, 3});
  auto g = Lambda::compile("x * shape(x)[-1]", batch_of_4());
  expect_values(g.run({iota({1, 4})})[0], {1, 4}, {0, 4, 8, 12});
}

TEST_CASE("int_shape gives None for the batch, and ndim and size", "[shape_queries]") {
  auto f = Lambda::compile("x + int_shape(x)[1] + ndim(x)", batch_of_4());
  expect_values(f.run({iota({1, 4})})[0], {1, 4}, {6, 7, 8, 9});
  auto g = Lambda::compile("size(x)", batch_of_4());
  expect_values(g.run({iota({3, 4})})[0], {}, {12});
  expect_values(g.run({iota({0, 4})})[0], {}, {0});
  Error e = test::compile_error("x * int_shape(x)[0]", {std::nullopt, 4});
  test::expect_error(e, "operator '*' cannot take None", 1, 5);
}

TEST_CASE("indexing shape(x) out of range names the tuple", "[shape_queries][errors]") {
  Error e = test::compile_error("shape(x)[2]", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Axis);
  test::expect_error(e, "index 2 is out of range for a tuple of 2 items", 1, 10);
  CHECK(e.hint() == "valid indices are -2..1");
  test::expect_error(test::compile_error("shape(x)[0][0]", {std::nullopt, 4}),
                     "a dimension known only at run time cannot be indexed", 1, 1);
}
