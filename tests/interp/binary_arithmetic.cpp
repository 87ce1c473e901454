// Binary elementwise ops: broadcasting, float semantics (NaN, Python floor
// division and modulo) and integer semantics (wrapping, floor, division by zero).

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::check_floats;
using lamina::test::check_ints;
using lamina::test::error_from;
using lamina::test::kInf;
using lamina::test::kNaN;
using lamina::test::make;
using lamina::test::make_int;

namespace {

Tensor apply(Op op, const Tensor& a, const Tensor& b, SourceSpan span = {}) {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("a", a.dtype(), to_shape(a.dims()));
  ValueId y = fb.input("b", b.dtype(), to_shape(b.dims()));
  return lamina::test::run(fb, fb.b.binary(op, x, y, span), {a, b});
}

}  // namespace

TEST_CASE("binary ops broadcast rows against columns", "[binary]") {
  Tensor col = make(DType::Float32, {2, 1}, {10, 20});
  Tensor row = make(DType::Float32, {3}, {1, 2, 3});
  check_floats(apply(Op::Add, col, row), {2, 3}, {11, 12, 13, 21, 22, 23});
  check_floats(apply(Op::Sub, row, col), {2, 3}, {-9, -8, -7, -19, -18, -17});
  Tensor s = make(DType::Float32, {}, {2});
  check_floats(apply(Op::Mul, s, row), {3}, {2, 4, 6});
  check_floats(apply(Op::Div, row, s), {3}, {0.5, 1, 1.5});
}

TEST_CASE("float floor division and modulo follow Python/NumPy", "[binary]") {
  Tensor a = make(DType::Float64, {10}, {7, -7, 7, -7, 7.5, -0.0, 1, 0, kInf, 1});
  Tensor b = make(DType::Float64, {10}, {2, 2, -2, -2, -2, 3, 0, 0, 2, kInf});
  check_floats(apply(Op::FloorDiv, a, b), {10}, {3, -4, -4, 3, -4, -0.0, kInf, kNaN, kNaN, 0});
  check_floats(apply(Op::Mod, a, b), {10}, {1, 1, -1, -1, -0.5, 0, kNaN, kNaN, kNaN, 1});
}

TEST_CASE("integer floor division and modulo floor, and give 0 for division by zero", "[binary]") {
  Tensor a = make_int(DType::Int32, {7}, {7, -7, 7, -7, 0, 5, -2147483648LL});
  Tensor b = make_int(DType::Int32, {7}, {2, 2, -2, -2, 3, 0, -1});
  check_ints(apply(Op::FloorDiv, a, b), {7}, {3, -4, -4, 3, 0, 0, -2147483648LL});
  check_ints(apply(Op::Mod, a, b), {7}, {1, 1, -1, -1, 0, 0, 0});
  int64_t min = std::numeric_limits<int64_t>::min();
  Tensor c = make_int(DType::Int64, {2}, {min, min});
  Tensor d = make_int(DType::Int64, {2}, {-1, 0});
  check_ints(apply(Op::FloorDiv, c, d), {2}, {min, 0});
  check_ints(apply(Op::Mod, c, d), {2}, {0, 0});
}

TEST_CASE("integer add and mul wrap around", "[binary]") {
  check_ints(apply(Op::Add, make_int(DType::Int32, {1}, {2147483647}), make_int(DType::Int32, {1}, {1})), {1},
             {-2147483648LL});
  check_ints(apply(Op::Mul, make_int(DType::Int32, {1}, {65536}), make_int(DType::Int32, {1}, {65536})), {1}, {0});
  int64_t max = std::numeric_limits<int64_t>::max();
  check_ints(apply(Op::Add, make_int(DType::Int64, {1}, {max}), make_int(DType::Int64, {1}, {1})), {1},
             {std::numeric_limits<int64_t>::min()});
}

TEST_CASE("integer powers wrap and negative exponents are an error at the node", "[binary]") {
  check_ints(apply(Op::Pow, make_int(DType::Int32, {4}, {3, -2, 0, 2}), make_int(DType::Int32, {4}, {4, 3, 0, 31})),
             {4}, {81, -8, 1, -2147483648LL});
  check_ints(apply(Op::Pow, make_int(DType::Int64, {1}, {3}), make_int(DType::Int64, {1}, {41})), {1},
             {-420491770248316829LL});
  Error e = error_from([] {
    apply(Op::Pow, make_int(DType::Int32, {2}, {2, 2}), make_int(DType::Int32, {2}, {1, -1}), lamina::test::at(1, 3));
  });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "integers to negative integer powers are not allowed");
  CHECK(e.span().column == 3);
}

TEST_CASE("float pow and atan2", "[binary]") {
  check_floats(apply(Op::Pow, make(DType::Float64, {3}, {2, -8, 4}), make(DType::Float64, {3}, {-1, 0.5, 0.5})), {3},
               {0.5, kNaN, 2});
  check_floats(apply(Op::Atan2, make(DType::Float64, {3}, {1, -1, 0}), make(DType::Float64, {3}, {0, 0, -1})), {3},
               {1.5707963267948966, -1.5707963267948966, 3.141592653589793});
}

TEST_CASE("float maximum and minimum propagate NaN", "[binary]") {
  Tensor a = make(DType::Float32, {3}, {1, kNaN, 2});
  Tensor b = make(DType::Float32, {3}, {kNaN, 0, 3});
  check_floats(apply(Op::Max, a, b), {3}, {kNaN, kNaN, 3});
  check_floats(apply(Op::Min, a, b), {3}, {kNaN, kNaN, 2});
  check_ints(apply(Op::Max, make_int(DType::Int64, {2}, {-5, 9}), make_int(DType::Int64, {1}, {0})), {2}, {0, 9});
}

TEST_CASE("comparisons give bool, NaN compares unequal to everything", "[binary]") {
  Tensor a = make(DType::Float32, {3}, {1, kNaN, 2});
  Tensor b = make(DType::Float32, {3}, {1, kNaN, 3});
  Tensor eq = apply(Op::Eq, a, b);
  CHECK(eq.dtype() == DType::Bool);
  check_ints(eq, {3}, {1, 0, 0});
  check_ints(apply(Op::Ne, a, b), {3}, {0, 1, 1});
  check_ints(apply(Op::Lt, a, b), {3}, {0, 0, 1});
  check_ints(apply(Op::Ge, a, b), {3}, {1, 0, 0});
  int64_t big = (1LL << 53) + 1;  // not representable in double: compared exactly
  check_ints(apply(Op::Gt, make_int(DType::Int64, {1}, {big}), make_int(DType::Int64, {1}, {big - 1})), {1}, {1});
}

TEST_CASE("and, or, xor are logical on bool and bitwise on ints", "[binary]") {
  Tensor p = make_int(DType::Bool, {4}, {0, 0, 1, 1});
  Tensor q = make_int(DType::Bool, {4}, {0, 1, 0, 1});
  check_ints(apply(Op::And, p, q), {4}, {0, 0, 0, 1});
  check_ints(apply(Op::Or, p, q), {4}, {0, 1, 1, 1});
  check_ints(apply(Op::Xor, p, q), {4}, {0, 1, 1, 0});
  Tensor a = make_int(DType::Int32, {2}, {12, -1});
  Tensor b = make_int(DType::Int32, {2}, {10, 6});
  check_ints(apply(Op::And, a, b), {2}, {8, 6});
  check_ints(apply(Op::Or, a, b), {2}, {14, -1});
  check_ints(apply(Op::Xor, a, b), {2}, {6, -7});
}

TEST_CASE("binary ops with a zero-size dim give an empty result", "[binary]") {
  Tensor r = apply(Op::Add, Tensor::zeros(DType::Float32, {0, 3}), make(DType::Float32, {1, 3}, {1, 2, 3}));
  CHECK(r.dims() == Dims{0, 3});
}
