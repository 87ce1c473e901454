// any / all: truth values of numbers (NaN is true), bool results, axes and keepdims.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("any and all over axes", "[reductions][any]") {
  Tensor b = tensor({2, 3}, {1, 0, 0, 1, 1, 1}, DType::Bool);
  Tensor a = eval("any(x, axis=1)", b);
  CHECK(a.dtype() == DType::Bool);
  expect_values(a, {2}, {1, 1});
  expect_values(eval("all(x, axis=1)", b), {2}, {0, 1});
  expect_values(eval("all(x, axis=0)", b), {3}, {1, 0, 0});
  expect_values(eval("any(x)", b), {}, {1});
  expect_values(eval("all(x, axis=(0, 1))", b), {}, {0});
}

TEST_CASE("any and all take the truth value of numbers", "[reductions][any]") {
  Tensor x = tensor({2, 2}, {0, NAN, 0, 0});
  expect_values(eval("any(x, axis=1)", x), {2}, {1, 0});
  expect_values(eval("all(x + 1, axis=1)", x), {2}, {1, 1});
  expect_values(eval("any(x, axis=-1)", tensor({1, 2}, {0, -3}, DType::Int32)), {1}, {1});
}
