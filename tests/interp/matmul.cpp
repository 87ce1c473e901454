// Matrix products with broadcast batch dims.

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::check_floats;
using lamina::test::check_ints;

namespace {

Tensor arange(DType t, Dims dims) {
  Tensor x = Tensor::zeros(t, std::move(dims));
  for (int64_t i = 0; i < x.size(); ++i) x.set_i64(i, i);
  return x;
}

Tensor matmul(const Tensor& a, const Tensor& b) {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("a", a.dtype(), to_shape(a.dims()));
  ValueId y = fb.input("b", b.dtype(), to_shape(b.dims()));
  return lamina::test::run(fb, fb.b.binary(Op::MatMul, x, y), {a, b});
}

}  // namespace

TEST_CASE("matmul of a batch against one matrix", "[matmul]") {
  // numpy.arange(12).reshape(2, 2, 3) @ numpy.arange(6).reshape(3, 2)
  check_floats(matmul(arange(DType::Float32, {2, 2, 3}), arange(DType::Float32, {3, 2})), {2, 2, 2},
               {10, 13, 28, 40, 46, 67, 64, 94});
}

TEST_CASE("matmul broadcasts a size-1 batch", "[matmul]") {
  // numpy.arange(6).reshape(1, 2, 3) @ numpy.arange(12).reshape(2, 3, 2)
  check_ints(matmul(arange(DType::Int64, {1, 2, 3}), arange(DType::Int64, {2, 3, 2})), {2, 2, 2},
             {10, 13, 28, 40, 28, 31, 100, 112});
}

TEST_CASE("matmul with an empty contraction gives zeros, and empty rows give empty results", "[matmul]") {
  check_floats(matmul(Tensor::zeros(DType::Float64, {2, 0}), Tensor::zeros(DType::Float64, {0, 3})), {2, 3},
               {0, 0, 0, 0, 0, 0});
  CHECK(matmul(Tensor::zeros(DType::Float32, {0, 4}), Tensor::zeros(DType::Float32, {4, 2})).dims() == Dims{0, 2});
}

TEST_CASE("integer matmul wraps", "[matmul]") {
  Tensor a = lamina::test::make_int(DType::Int32, {1, 2}, {65536, 65536});
  Tensor b = lamina::test::make_int(DType::Int32, {2, 1}, {32768, 32768});
  check_ints(matmul(a, b), {1, 1}, {0});  // 2 * 2^31 = 2^32 wraps to 0
}
