// Dtype rules of arithmetic: a Python scalar never upcasts a tensor (x * 2
// stays float32, as in JAX / Keras 3) but can change its kind (int32 * 0.5 is
// float32); tensors promote as NumPy; true division and math on ints give
// float32; arithmetic on bools counts in int32.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
DType result_dtype(const std::string& source, DType x) {
  return eval(source, tensor({2}, {1, 2}, x)).dtype();
}
DType result_dtype(const std::string& source, DType x, DType y) {
  return eval(source, tensor({2}, {1, 2}, x), tensor({2}, {3, 4}, y)).dtype();
}
}  // namespace

TEST_CASE("a Python scalar keeps the tensor's dtype", "[promotion]") {
  CHECK(result_dtype("x * 2", DType::Float32) == DType::Float32);
  CHECK(result_dtype("x + 2.5", DType::Float32) == DType::Float32);
  CHECK(result_dtype("x * 2", DType::Float64) == DType::Float64);
  CHECK(result_dtype("2.5 - x", DType::Float64) == DType::Float64);
  CHECK(result_dtype("x * 2", DType::Int32) == DType::Int32);
  CHECK(result_dtype("x + 1", DType::Int64) == DType::Int64);
  CHECK(result_dtype("x + True", DType::Int32) == DType::Int32);
  expect_values(eval("x * 2", tensor({2}, {1.5, -2})), {2}, {3, -4});
}

TEST_CASE("a Python float makes an int tensor float32", "[promotion]") {
  Tensor r = eval("x * 0.5", tensor({3}, {-3, 1, 4}, DType::Int32));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {3}, {-1.5, 0.5, 2});
  CHECK(result_dtype("x + 1.0", DType::Int32) == DType::Float32);
  CHECK(result_dtype("x * 0.5", DType::Bool) == DType::Float32);
}

TEST_CASE("int / int is float32 true division", "[promotion]") {
  Tensor r = eval("x / 2", tensor({3}, {7, -7, 1}, DType::Int32));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {3}, {3.5, -3.5, 0.5});
  CHECK(result_dtype("lambda x, y: x / y", DType::Int32, DType::Int32) == DType::Float32);
  CHECK(result_dtype("lambda x, y: x / y", DType::Int64, DType::Int32) == DType::Float32);
  CHECK(result_dtype("lambda x, y: x / y", DType::Float64, DType::Int32) == DType::Float64);
}

TEST_CASE("two tensors promote as NumPy", "[promotion]") {
  CHECK(result_dtype("lambda x, y: x + y", DType::Int32, DType::Float32) == DType::Float32);
  CHECK(result_dtype("lambda x, y: x + y", DType::Int32, DType::Int64) == DType::Int64);
  CHECK(result_dtype("lambda x, y: x + y", DType::Float32, DType::Float64) == DType::Float64);
  CHECK(result_dtype("lambda x, y: x * y", DType::Int64, DType::Float32) == DType::Float64);
  CHECK(result_dtype("lambda x, y: x - y", DType::Bool, DType::Int32) == DType::Int32);
  CHECK(result_dtype("lambda x, y: x * y", DType::Bool, DType::Float32) == DType::Float32);
}

TEST_CASE("arithmetic on bools counts in int32", "[promotion]") {
  Tensor a = tensor({3}, {1, 1, 0}, DType::Bool);
  Tensor r = eval("x + x", a);
  CHECK(r.dtype() == DType::Int32);
  expect_values(r, {3}, {2, 2, 0});
  expect_values(eval("x + 1", a), {3}, {2, 2, 1});
  expect_values(eval("-x", a), {3}, {-1, -1, 0});
}

TEST_CASE("Python scalars alone fold with Python's types", "[promotion]") {
  Tensor i = eval("lambda: 7 * 3");
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {}, {21});
  Tensor f = eval("lambda: 7 / 2");
  CHECK(f.dtype() == DType::Float32);
  expect_values(f, {}, {3.5});
  Tensor b = eval("lambda: True + True");
  CHECK(b.dtype() == DType::Int32);
  expect_values(b, {}, {2});
  expect_values(eval("lambda: 2 ** 10"), {}, {1024});
  expect_values(eval("lambda: 2 ** -1"), {}, {0.5});
}

TEST_CASE("a Python int that does not fit an int32 tensor is an error", "[promotion][errors]") {
  Error e = test::compile_error("x + 3000000000", {{"x", DType::Int32, {std::nullopt, 2}}});
  CHECK(e.kind() == ErrorKind::Value);
  test::expect_error(e, "the constant 3000000000 does not fit in int32", 1, 5);
  CHECK_THAT(e.hint(), Catch::Contains("cast(x, \"int64\")"));
  // An int64 tensor takes it.
  Tensor r = eval("x + 3000000000", tensor({1}, {1}, DType::Int64));
  CHECK(r.get_i64(0) == 3000000001);
}
