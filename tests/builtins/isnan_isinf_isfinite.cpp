// isnan, isinf, isfinite: bool results; integers are always finite.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("isnan, isinf and isfinite classify floats", "[elementwise][nan]") {
  Tensor x = tensor({5}, {NAN, INFINITY, -INFINITY, 0, -3.5});
  Tensor n = eval("isnan(x)", x);
  CHECK(n.dtype() == DType::Bool);
  expect_values(n, {5}, {1, 0, 0, 0, 0});
  expect_values(eval("isinf(x)", x), {5}, {0, 1, 1, 0, 0});
  expect_values(eval("isfinite(x)", x), {5}, {0, 0, 0, 1, 1});
}

TEST_CASE("ints are never nan or inf", "[elementwise][nan]") {
  Tensor i = tensor({2}, {-1, 2147483647}, DType::Int32);
  expect_values(eval("isnan(x)", i), {2}, {0, 0});
  expect_values(eval("isinf(x)", i), {2}, {0, 0});
  expect_values(eval("isfinite(x)", i), {2}, {1, 1});
}

TEST_CASE("isnan is the way to replace NaNs", "[elementwise][nan]") {
  expect_values(eval("where(isnan(x), 0.0, x)", tensor({3}, {NAN, 1, -INFINITY})), {3}, {0, 1, -INFINITY});
}
