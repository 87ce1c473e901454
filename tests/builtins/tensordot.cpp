// tensordot(x1, x2, axes): NumPy tensordot.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("tensordot with an integer sums the last n axes against the first n", "[tensordot]") {
  expect_values(eval("lambda x, y: tensordot(x, y)", iota({2, 3, 4}), iota({3, 4})), {2}, {506, 1298});
  expect_values(eval("lambda x, y: tensordot(x, y, axes=1)", iota({4, 2}), iota({2, 3})), {4, 3},
                {3, 4, 5, 9, 14, 19, 15, 24, 33, 21, 34, 47});
  // axes=0 is the outer product.
  expect_values(eval("lambda x, y: tensordot(x, y, 0)", iota({2}), iota({3})), {2, 3}, {0, 0, 0, 0, 1, 2});
}

TEST_CASE("tensordot with axis lists", "[tensordot]") {
  expect_values(eval("lambda x, y: tensordot(x, y, axes=([1], [1]))", iota({2, 3}), iota({4, 3})), {2, 4},
                {5, 14, 23, 32, 14, 50, 86, 122});
  expect_values(eval("lambda x, y: tensordot(x, y, axes=([1, 2], [1, 0]))", iota({2, 3, 4}), iota({4, 3, 2})), {2, 2},
                {880, 946, 2464, 2674});
  // Negative axes count from the end; a single int per side is one axis.
  expect_values(eval("lambda x, y: tensordot(x, y, axes=(-1, -1))", iota({2, 3}), iota({4, 3})), {2, 4},
                {5, 14, 23, 32, 14, 50, 86, 122});
}

TEST_CASE("tensordot keeps a run-time batch dimension", "[tensordot]") {
  auto f = Lambda::compile("lambda x, y: tensordot(x, y, axes=1)",
                           {{"x", DType::Float32, {std::nullopt, 2}}, {"y", DType::Float32, {2, 3}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 3)"});
  expect_values(f.run({iota({4, 2}), iota({2, 3})})[0], {4, 3}, {3, 4, 5, 9, 14, 19, 15, 24, 33, 21, 34, 47});
}

TEST_CASE("tensordot reports bad axes and mismatched sizes", "[tensordot][errors]") {
  auto sigs = std::vector<InputSignature>{{"x", DType::Float32, {2, 3}}, {"y", DType::Float32, {4, 3}}};
  Error size = test::compile_error("lambda x, y: tensordot(x, y, axes=1)", sigs);
  test::expect_error(size, "(2, 3) and (4, 3)", 1, 14);
  CHECK(size.kind() == ErrorKind::Shape);

  Error too_many = test::compile_error("lambda x, y: tensordot(x, y, axes=3)", sigs);
  CHECK(too_many.kind() == ErrorKind::Axis);
  test::expect_error(too_many, "axes=3", 1, 35);

  Error uneven = test::compile_error("lambda x, y: tensordot(x, y, axes=([0, 1], [1]))", sigs);
  test::expect_error(uneven, "2 axes are given for the first operand but 1", 1, 35);

  Error range = test::compile_error("lambda x, y: tensordot(x, y, axes=([2], [1]))", sigs);
  CHECK(range.kind() == ErrorKind::Axis);
  test::expect_error(range, "axis 2 is out of range", 1, 35);

  Error kind = test::compile_error("lambda x, y: tensordot(x, y, axes=\"ij\")", sigs);
  test::expect_error(kind, "axes must be an integer or a pair", 1, 35);
}
