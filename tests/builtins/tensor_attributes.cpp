// Tensor attributes: x.T, x.shape, x.ndim, x.dtype.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("x.T reverses the axes", "[attributes]") {
  expect_values(eval("x.T", iota({2, 3})), {3, 2}, {0, 3, 1, 4, 2, 5});
  expect_values(eval("x.T.T", iota({2, 3})), {2, 3}, {0, 1, 2, 3, 4, 5});
  expect_values(eval("x.T", iota({3})), {3}, {0, 1, 2});
}

TEST_CASE("x.shape and x.ndim are compile-time values", "[attributes]") {
  expect_values(eval("x * x.shape[1] + x.ndim", iota({1, 3})), {1, 3}, {2, 5, 8});
  auto f = Lambda::compile("x / x.shape[0]", {{"x", DType::Float32, {std::nullopt, 2}}});
  expect_values(f.run({iota({2, 2})})[0], {2, 2}, {0, 0.5, 1, 1.5});
  expect_values(eval("reshape(x, x.shape[::-1])", iota({2, 3})), {3, 2}, {0, 1, 2, 3, 4, 5});
}

TEST_CASE("x.dtype names the dtype and works with cast", "[attributes]") {
  Tensor r = eval("lambda x, y: cast(y, x.dtype)", iota({1}, DType::Int64), test::tensor({1}, {2.7}));
  CHECK(r.dtype() == DType::Int64);
  expect_values(r, {1}, {2});
}

TEST_CASE("unknown attributes list the available ones", "[attributes][errors]") {
  Error e = test::compile_error("x.size", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Name);
  test::expect_error(e, "tensors have no attribute 'size'", 1, 1);
  CHECK(e.hint() == "available attributes: shape, ndim, dtype, T");
  test::expect_error(test::compile_error("x.shape.T", {std::nullopt, 4}), "a tuple of 2 items has no attribute 'T'", 1, 1);
}
