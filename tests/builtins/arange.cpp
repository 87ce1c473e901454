// arange(start, stop=None, step=1, dtype=None): NumPy arange; ints give int32.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;

TEST_CASE("arange counts integers as int32", "[arange]") {
  Tensor r = eval("lambda: arange(5)");
  CHECK(r.dtype() == DType::Int32);
  expect_values(r, {5}, {0, 1, 2, 3, 4});
  expect_values(eval("lambda: arange(1, 7, 2)"), {3}, {1, 3, 5});
  expect_values(eval("lambda: arange(5, 0, -2)"), {3}, {5, 3, 1});
  expect_values(eval("lambda: arange(-3, 0)"), {3}, {-3, -2, -1});
}

TEST_CASE("arange with floats gives float32", "[arange]") {
  Tensor r = eval("lambda: arange(0, 1, 0.25)");
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {4}, {0, 0.25, 0.5, 0.75});
  expect_values(eval("lambda: arange(0.5, 2)"), {2}, {0.5, 1.5});
  Tensor d = eval("lambda: arange(3, dtype=\"float64\")");
  CHECK(d.dtype() == DType::Float64);
  expect_values(d, {3}, {0, 1, 2});
}

TEST_CASE("arange with an empty range", "[arange]") {
  expect_values(eval("lambda: arange(3, 1)"), {0}, {});
  expect_values(eval("lambda: arange(0)"), {0}, {});
}

TEST_CASE("arange combines with inputs", "[arange]") {
  auto f = Lambda::compile("x + arange(3)", {{"x", DType::Int32, {std::nullopt, 3}}});
  expect_values(f.run({test::tensor({2, 3}, {10, 10, 10, 20, 20, 20}, DType::Int32)})[0], {2, 3},
                {10, 11, 12, 20, 21, 22});
}

TEST_CASE("arange reports a zero step and run-time bounds", "[arange][errors]") {
  Error zero = test::compile_error("lambda: arange(0, 5, 0)");
  CHECK(zero.kind() == ErrorKind::Value);
  test::expect_error(zero, "step cannot be zero", 1, 22);

  Error dynamic = test::compile_error("arange(shape(x)[0])", {std::nullopt, 2});
  test::expect_error(dynamic, "must be a number known before run time", 1, 8);

  Error huge = test::compile_error("lambda: arange(0, 1e12)");
  CHECK(huge.kind() == ErrorKind::Limit);
}
