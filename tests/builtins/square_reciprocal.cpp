// square(x) keeps the dtype; reciprocal(x) = 1 / x is always floating point.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("square keeps the dtype", "[elementwise]") {
  expect_values(eval("square(x)", tensor({4}, {-1.5, 0, 3, NAN})), {4}, {2.25, 0, 9, NAN});
  Tensor i = eval("square(x)", tensor({3}, {-4, 0, 5}, DType::Int32));
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {3}, {16, 0, 25});
}

TEST_CASE("reciprocal is 1/x in float, with 1/0 = inf", "[elementwise]") {
  expect_values(eval("reciprocal(x)", tensor({4}, {2, -0.5, 0, -INFINITY})), {4}, {0.5, -2, INFINITY, 0});
  Tensor i = eval("reciprocal(x)", tensor({3}, {4, -2, 0}, DType::Int32));
  CHECK(i.dtype() == DType::Float32);
  expect_values(i, {3}, {0.25, -0.5, INFINITY});
  Tensor d = eval("reciprocal(x)", tensor({1}, {3}, DType::Float64));
  CHECK(d.dtype() == DType::Float64);
  CHECK(d.get_f64(0) == Approx(1.0 / 3).epsilon(1e-15));
}
