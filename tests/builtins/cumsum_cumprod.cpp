// cumsum / cumprod along an axis (axis None flattens, as NumPy); int and bool
// inputs count in their integer dtype.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor y() { return tensor({3, 4}, {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8}); }
}  // namespace

TEST_CASE("cumsum along an axis", "[cumsum]") {
  expect_values(eval("cumsum(x, axis=1)", y()), {3, 4}, {3, 4, 8, 9, 5, 14, 16, 22, 5, 8, 13, 21});
  expect_values(eval("cumsum(x, axis=0)", y()), {3, 4}, {3, 1, 4, 1, 8, 10, 6, 7, 13, 13, 11, 15});
  expect_values(eval("cumsum(x, -1)", y()), {3, 4}, {3, 4, 8, 9, 5, 14, 16, 22, 5, 8, 13, 21});
}

TEST_CASE("cumprod along an axis", "[cumsum]") {
  expect_values(eval("cumprod(x, axis=0)", y()), {3, 4}, {3, 1, 4, 1, 15, 9, 8, 6, 75, 27, 40, 48});
  expect_values(eval("cumprod(x, axis=-1)", y()), {3, 4}, {3, 3, 12, 12, 5, 45, 90, 540, 5, 15, 75, 600});
}

TEST_CASE("cumsum and cumprod without an axis flatten", "[cumsum]") {
  expect_values(eval("cumsum(x)", y()), {12}, {3, 4, 8, 9, 14, 23, 25, 31, 36, 39, 44, 52});
  expect_values(eval("cumprod(x)", tensor({2, 2}, {1, 2, 3, 4})), {4}, {1, 2, 6, 24});
  expect_values(eval("cumsum(x)", tensor({}, {5})), {1}, {5});
}

TEST_CASE("cumsum propagates NaN and inf forward", "[cumsum]") {
  expect_values(eval("cumsum(x)", tensor({4}, {1, NAN, 2, 3})), {4}, {1, NAN, NAN, NAN});
  expect_values(eval("cumsum(x)", tensor({3}, {1, INFINITY, -INFINITY})), {3}, {1, INFINITY, NAN});
}

TEST_CASE("cumsum of ints keeps the int dtype and of bools counts in int32", "[cumsum]") {
  Tensor i = eval("cumsum(x, axis=0)", tensor({3}, {-1, 5, 7}, DType::Int64));
  CHECK(i.dtype() == DType::Int64);
  expect_values(i, {3}, {-1, 4, 11});
  Tensor b = eval("cumsum(x, axis=0)", tensor({4}, {1, 0, 1, 1}, DType::Bool));
  CHECK(b.dtype() == DType::Int32);
  expect_values(b, {4}, {1, 1, 2, 3});
  CHECK(eval("cumprod(x, axis=0)", tensor({2}, {1, 1}, DType::Bool)).dtype() == DType::Int32);
}

TEST_CASE("cumsum over an empty or run-time batch", "[cumsum]") {
  expect_values(eval("cumsum(x, axis=0)", tensor({0, 2}, {})), {0, 2}, {});
  expect_values(test::eval_batched("cumsum(x, axis=0)", tensor({3, 1}, {1, 2, 3})), {3, 1}, {1, 3, 6});
  expect_values(test::eval_batched("cumsum(x)", tensor({2, 2}, {1, 2, 3, 4})), {4}, {1, 3, 6, 10});
}

TEST_CASE("cumsum's axis must be one integer in range", "[cumsum][errors]") {
  test::expect_error(test::compile_error("cumsum(x, axis=2)", {std::nullopt, 4}),
                     "axis 2 is out of range for a tensor of rank 2", 1, 16);
  test::expect_error(test::compile_error("cumprod(x, axis=(0, 1))", {std::nullopt, 4}),
                     "argument 'axis' of cumprod() must be an integer, but it is a tuple of 2 items", 1, 17);
}
