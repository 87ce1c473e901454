// Unary elementwise ops against NumPy values, including NaN and infinities.

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::check_floats;
using lamina::test::check_ints;
using lamina::test::kInf;
using lamina::test::kNaN;
using lamina::test::make;

namespace {

const std::vector<double> kSpecial = {-2.5, -0.5, 0, 0.5, 2.5, kNaN, kInf, -kInf};

Tensor apply(Op op, const Tensor& x) {
  lamina::test::FunctionBuilder fb;
  ValueId in = fb.input("x", x.dtype(), to_shape(x.dims()));
  return lamina::test::run(fb, fb.b.unary(op, in), {x});
}

}  // namespace

TEST_CASE("exp, log, sqrt, tanh on float64 match NumPy, NaN and inf included", "[unary]") {
  Tensor x = make(DType::Float64, {8}, kSpecial);
  check_floats(apply(Op::Exp, x), {8},
               {0.0820849986238988, 0.6065306597126334, 1, 1.6487212707001282, 12.182493960703473, kNaN, kInf, 0});
  check_floats(apply(Op::Log, x), {8}, {kNaN, kNaN, -kInf, -0.6931471805599453, 0.916290731874155, kNaN, kInf, kNaN});
  check_floats(apply(Op::Sqrt, x), {8}, {kNaN, kNaN, 0, 0.7071067811865476, 1.5811388300841898, kNaN, kInf, kNaN});
  check_floats(apply(Op::Tanh, x), {8},
               {-0.9866142981514303, -0.46211715726000974, 0, 0.46211715726000974, 0.9866142981514303, kNaN, 1, -1});
  check_floats(apply(Op::Expm1, x), {8},
               {-0.9179150013761012, -0.3934693402873666, 0, 0.6487212707001282, 11.182493960703473, kNaN, kInf, -1});
  check_floats(apply(Op::Log1p, x), {8},
               {kNaN, -0.6931471805599453, 0, 0.4054651081081644, 1.252762968495368, kNaN, kInf, kNaN});
}

TEST_CASE("float32 results are the float64 result rounded to float32", "[unary]") {
  Tensor r = apply(Op::Exp, make(DType::Float32, {1}, {1.0}));
  CHECK(r.dtype() == DType::Float32);
  CHECK(r.data<float>()[0] == 2.7182817f);
}

TEST_CASE("floor, ceil, sign, and round half to even", "[unary]") {
  Tensor x = make(DType::Float64, {8}, kSpecial);
  check_floats(apply(Op::Floor, x), {8}, {-3, -1, 0, 0, 2, kNaN, kInf, -kInf});
  check_floats(apply(Op::Ceil, x), {8}, {-2, -0.0, 0, 1, 3, kNaN, kInf, -kInf});
  check_floats(apply(Op::Sign, x), {8}, {-1, -1, 0, 1, 1, kNaN, 1, -1});
  check_floats(apply(Op::Round, make(DType::Float32, {8}, {0.5, 1.5, 2.5, -0.5, -1.5, 2.4, -2.6, 3.5})), {8},
               {0, 2, 2, -0.0, -2, 2, -3, 4});
}

TEST_CASE("sigmoid and softplus are stable for large magnitudes", "[unary]") {
  Tensor x = make(DType::Float64, {5}, {-1000, -2, 0, 2, 1000});
  check_floats(apply(Op::Sigmoid, x), {5}, {0, 0.11920292202211755, 0.5, 0.8807970779778825, 1});
  check_floats(apply(Op::Softplus, x), {5}, {0, 0.1269280110429725, 0.6931471805599453, 2.1269280110429727, 1000});
  check_floats(apply(Op::Sigmoid, make(DType::Float32, {1}, {kNaN})), {1}, {kNaN});
  check_floats(apply(Op::Softplus, make(DType::Float32, {1}, {kNaN})), {1}, {kNaN});
}

TEST_CASE("rsqrt, erf and the inverse trig functions", "[unary]") {
  check_floats(apply(Op::Rsqrt, make(DType::Float64, {3}, {4, 0, -1})), {3}, {0.5, kInf, kNaN});
  check_floats(apply(Op::Erf, make(DType::Float64, {4}, {-1, 0, 0.5, 2})), {4},
               {-0.8427007929497149, 0, 0.5204998778130465, 0.9953222650189527});
  check_floats(apply(Op::Atanh, make(DType::Float64, {3}, {1, 0, 2})), {3}, {kInf, 0, kNaN});
  check_floats(apply(Op::Acos, make(DType::Float64, {2}, {1, -1})), {2}, {0, 3.141592653589793});
  check_floats(apply(Op::Atan, make(DType::Float64, {2}, {kInf, -kInf})), {2}, {1.5707963267948966, -1.5707963267948966});
}

TEST_CASE("integer neg and abs wrap like NumPy", "[unary]") {
  Tensor x = lamina::test::make_int(DType::Int32, {4}, {-2147483648LL, -3, 0, 7});
  check_ints(apply(Op::Neg, x), {4}, {-2147483648LL, 3, 0, -7});
  check_ints(apply(Op::Abs, x), {4}, {-2147483648LL, 3, 0, 7});
  check_ints(apply(Op::Sign, x), {4}, {-1, -1, 0, 1});
  Tensor y = lamina::test::make_int(DType::Int64, {1}, {std::numeric_limits<int64_t>::min()});
  check_ints(apply(Op::Neg, y), {1}, {std::numeric_limits<int64_t>::min()});
}

TEST_CASE("isnan, isinf, isfinite give bool, and on ints only isfinite is true", "[unary]") {
  Tensor x = make(DType::Float32, {4}, {1, kNaN, kInf, -kInf});
  Tensor n = apply(Op::IsNan, x);
  CHECK(n.dtype() == DType::Bool);
  check_ints(n, {4}, {0, 1, 0, 0});
  check_ints(apply(Op::IsInf, x), {4}, {0, 0, 1, 1});
  check_ints(apply(Op::IsFinite, x), {4}, {1, 0, 0, 0});
  Tensor i = lamina::test::make_int(DType::Int32, {2}, {1, -5});
  check_ints(apply(Op::IsNan, i), {2}, {0, 0});
  check_ints(apply(Op::IsFinite, i), {2}, {1, 1});
}

TEST_CASE("not is logical on bool and bitwise on ints", "[unary]") {
  check_ints(apply(Op::Not, lamina::test::make_int(DType::Bool, {2}, {0, 1})), {2}, {1, 0});
  check_ints(apply(Op::Not, lamina::test::make_int(DType::Int32, {3}, {0, 5, -1})), {3}, {-1, -6, 0});
}

TEST_CASE("unary ops on empty tensors give empty tensors", "[unary]") {
  Tensor r = apply(Op::Exp, Tensor::zeros(DType::Float32, {0, 3}));
  CHECK(r.dims() == Dims{0, 3});
}
