// zeros_like, ones_like and full_like: x's shape, x's dtype unless one is given.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("zeros_like and ones_like keep shape and dtype", "[fill_like][shape]") {
  Tensor i = tensor({2, 1}, {5, 6}, DType::Int32);
  Tensor z = eval("zeros_like(x)", i);
  CHECK(z.dtype() == DType::Int32);
  expect_values(z, {2, 1}, {0, 0});
  expect_values(eval("ones_like(x)", i), {2, 1}, {1, 1});
  Tensor f = eval("ones_like(x, dtype=\"float64\")", i);
  CHECK(f.dtype() == DType::Float64);
  expect_values(f, {2, 1}, {1, 1});
}

TEST_CASE("full_like fills with a value in x's dtype", "[fill_like][shape]") {
  expect_values(eval("full_like(x, 2.5)", tensor({2}, {0, 0})), {2}, {2.5, 2.5});
  Tensor t = eval("full_like(x, 2.5)", tensor({2}, {0, 0}, DType::Int32));
  CHECK(t.dtype() == DType::Int32);
  expect_values(t, {2}, {2, 2});
  Tensor g = eval("full_like(x, 7, dtype=\"float32\")", tensor({1}, {0}, DType::Int32));
  CHECK(g.dtype() == DType::Float32);
  expect_values(g, {1}, {7});
  expect_values(eval("full_like(x, -inf)", tensor({1}, {0})), {1}, {-INFINITY});
}

TEST_CASE("fill_like follows a run-time batch", "[fill_like][shape]") {
  expect_values(test::eval_batched("zeros_like(x)", tensor({3, 1}, {1, 2, 3})), {3, 1}, {0, 0, 0});
  expect_values(test::eval_batched("full_like(x, 4)", tensor({0, 1}, {})), {0, 1}, {});
}

TEST_CASE("full_like cannot put NaN, inf or out-of-range floats in an int tensor", "[fill_like][shape][errors]") {
  std::vector<InputSignature> ints = {{"x", DType::Int32, {std::nullopt, 4}}};
  Error e = test::compile_error("full_like(x, nan)", ints);
  CHECK(e.kind() == ErrorKind::Value);
  test::expect_error(e, "full_like() cannot put nan in a tensor of dtype int32", 1, 14);
  CHECK_THAT(e.hint(), Catch::Contains("dtype=\"float32\""));
  test::expect_error(test::compile_error("full_like(x, -inf)", ints), "full_like() cannot put -inf in a tensor of dtype int32", 1, 14);
  test::expect_error(test::compile_error("full_like(x, 1e20, dtype=\"int64\")", ints),
                     "full_like() cannot put 1e+20 in a tensor of dtype int64", 1, 14);
  // A value that fits but not in int32 is the usual constant error.
  test::expect_error(test::compile_error("full_like(x, 3e9)", ints), "does not fit in int32", 1, 14);
}
