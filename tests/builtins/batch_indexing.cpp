// Indexing along a batch dimension known only at run time: slices give a
// run-time size, integer indices are checked when the batch is known.

#include "builtins/support.h"

using namespace lamina;
using test::expect_values;
using test::iota;

namespace {
std::vector<InputSignature> batch_of_2() { return {{"x", DType::Float32, {std::nullopt, 2}}}; }
}  // namespace

TEST_CASE("an integer index into the batch picks a row at run time", "[indexing][batch]") {
  auto first = Lambda::compile("x[0]", batch_of_2());
  CHECK(first.output_types() == std::vector<std::string>{"float32(2,)"});
  expect_values(first.run({iota({3, 2})})[0], {2}, {0, 1});
  auto last = Lambda::compile("x[-1]", batch_of_2());
  expect_values(last.run({iota({3, 2})})[0], {2}, {4, 5});
  expect_values(last.run({iota({1, 2})})[0], {2}, {0, 1});
  auto both = Lambda::compile("x[-2, 1]", batch_of_2());
  expect_values(both.run({iota({3, 2})})[0], {}, {3});
  auto last_by_shape = Lambda::compile("x[shape(x)[0] - 1]", batch_of_2());
  expect_values(last_by_shape.run({iota({3, 2})})[0], {2}, {4, 5});
  auto nested = Lambda::compile("x[None, 1, ::-1]", batch_of_2());
  expect_values(nested.run({iota({3, 2})})[0], {1, 2}, {3, 2});
}

TEST_CASE("an integer index out of the run-time batch is an index error at the index", "[indexing][batch][errors]") {
  Error e = test::run_error("x[5]", batch_of_2(), {iota({3, 2})});
  test::expect_error(e, "index 5 is out of bounds for axis 0 with size 3", 1, 3);
  Error neg = test::run_error("x[-4, 0]", batch_of_2(), {iota({3, 2})});
  test::expect_error(neg, "index -4 is out of bounds for axis 0 with size 3", 1, 3);
  Error empty = test::run_error("x[0]", batch_of_2(), {iota({0, 2})});
  test::expect_error(empty, "index 0 is out of bounds for axis 0 with size 0", 1, 3);
}

TEST_CASE("slices of the batch follow the run-time size", "[indexing][batch]") {
  auto f = Lambda::compile("x[1:]", batch_of_2());
  expect_values(f.run({iota({3, 2})})[0], {2, 2}, {2, 3, 4, 5});
  expect_values(f.run({iota({1, 2})})[0], {0, 2}, {});
  auto g = Lambda::compile("x[::-1, 0]", batch_of_2());
  CHECK(g.output_types() == std::vector<std::string>{"float32(None,)"});
  expect_values(g.run({iota({3, 2})})[0], {3}, {4, 2, 0});
  expect_values(g.run({iota({0, 2})})[0], {0}, {});
}
