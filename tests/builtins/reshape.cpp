// reshape(x, shape): the full target shape (keras.ops.reshape), one -1
// inferred, None standing for the input's batch dimension.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("reshape to a full shape, with one inferred dimension", "[reshape][shape]") {
  expect_values(eval("reshape(x, (3, 2))", iota({2, 3})), {3, 2}, {0, 1, 2, 3, 4, 5});
  expect_values(eval("reshape(x, (-1,))", iota({2, 3})), {6}, {0, 1, 2, 3, 4, 5});
  expect_values(eval("reshape(x, [1, -1, 2])", iota({2, 3})), {1, 3, 2}, {0, 1, 2, 3, 4, 5});
  expect_values(eval("reshape(x, ())", iota({1, 1})), {}, {0});
}

TEST_CASE("reshape keeps a run-time batch with None or -1", "[reshape][shape]") {
  std::vector<InputSignature> sig = {{"x", DType::Float32, {std::nullopt, 4}}};
  CHECK(test::output_types("reshape(x, (None, 2, 2))", sig) == std::vector<std::string>{"float32(None, 2, 2)"});
  CHECK(test::output_types("reshape(x, (shape(x)[0], 4, 1))", sig) == std::vector<std::string>{"float32(None, 4, 1)"});
  auto f = Lambda::compile("reshape(x, (None, 2, 2))", sig);
  expect_values(f.run({iota({1, 4})})[0], {1, 2, 2}, {0, 1, 2, 3});
  expect_values(f.run({iota({0, 4})})[0], {0, 2, 2}, {});
}

TEST_CASE("reshape errors", "[reshape][shape][errors]") {
  std::vector<std::optional<int64_t>> shape = {2, 3};
  Error count = test::compile_error("reshape(x, (4, 2))", shape);
  CHECK(count.kind() == ErrorKind::Shape);
  test::expect_error(count, "cannot reshape (2, 3) into (4, 2)", 1, 1);
  test::expect_error(test::compile_error("reshape(x, (-1, -1))", shape), "a shape can contain -1 only once", 1, 17);
  test::expect_error(test::compile_error("reshape(x, (-2, 3))", shape), "a dimension cannot be negative (-2)", 1, 13);
  test::expect_error(test::compile_error("reshape(x, (2.5, 3))", shape),
                     "a shape must hold integers, but one item is the number 2.5", 1, 13);
  test::expect_error(test::compile_error("reshape(x, \"a\")", shape),
                     "argument 'newshape' of reshape() must be a shape (a tuple of integers)", 1, 12);
}

TEST_CASE("reshape of a run-time batch that does not fit is a run-time error", "[reshape][shape][errors]") {
  Error e = test::run_error("reshape(x, (-1, 5))", {{"x", DType::Float32, {std::nullopt, 2}}}, {iota({3, 2})});
  CHECK(e.kind() == ErrorKind::Runtime);
  test::expect_error(e, "cannot reshape (3, 2) into (-1, 5)", 1, 1);
}
