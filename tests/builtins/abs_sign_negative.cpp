// abs/absolute, sign and negative: NumPy values, dtypes kept (bool abs and
// sign stay bool, negative of a bool counts in int32), NaN passed through.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("abs and absolute of floats, including -0, inf and NaN", "[elementwise]") {
  Tensor x = tensor({5}, {-2.5, -0.0, 3, -INFINITY, NAN});
  for (const char* f : {"abs(x)", "absolute(x)"}) {
    Tensor r = eval(f, x);
    CHECK(r.dtype() == DType::Float32);
    expect_values(r, {5}, {2.5, 0, 3, INFINITY, NAN});
    CHECK_FALSE(std::signbit(r.get_f64(1)));
  }
}

TEST_CASE("abs keeps ints and bools", "[elementwise]") {
  Tensor i = eval("abs(x)", tensor({3}, {-7, 0, 7}, DType::Int32));
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {3}, {7, 0, 7});
  Tensor l = eval("abs(x)", tensor({1}, {-5000000000.0}, DType::Int64));
  CHECK(l.dtype() == DType::Int64);
  CHECK(l.get_i64(0) == 5000000000);
  Tensor b = eval("abs(x)", tensor({2}, {0, 1}, DType::Bool));
  CHECK(b.dtype() == DType::Bool);
  expect_values(b, {2}, {0, 1});
}

TEST_CASE("sign gives -1, 0 or 1 in the input dtype and keeps NaN", "[elementwise]") {
  expect_values(eval("sign(x)", tensor({5}, {-3.5, 0, 0.25, INFINITY, NAN})), {5}, {-1, 0, 1, 1, NAN});
  Tensor i = eval("sign(x)", tensor({3}, {-9, 0, 4}, DType::Int32));
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {3}, {-1, 0, 1});
  Tensor b = eval("sign(x)", tensor({2}, {1, 0}, DType::Bool));
  CHECK(b.dtype() == DType::Bool);
  expect_values(b, {2}, {1, 0});
}

TEST_CASE("negative flips the sign and counts a bool input in int32", "[elementwise]") {
  expect_values(eval("negative(x)", tensor({3}, {-1.5, 0, 2})), {3}, {1.5, 0, -2});
  Tensor i = eval("negative(x)", tensor({2}, {3, -4}, DType::Int64));
  CHECK(i.dtype() == DType::Int64);
  expect_values(i, {2}, {-3, 4});
  Tensor b = eval("negative(x)", tensor({2}, {1, 0}, DType::Bool));
  CHECK(b.dtype() == DType::Int32);
  expect_values(b, {2}, {-1, 0});
}
