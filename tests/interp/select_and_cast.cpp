// where(cond, a, b) with broadcasting, and NumPy dtype casts.

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::check_floats;
using lamina::test::check_ints;
using lamina::test::kInf;
using lamina::test::kNaN;
using lamina::test::make;
using lamina::test::make_int;

namespace {

Tensor cast(const Tensor& x, DType to) {
  lamina::test::FunctionBuilder fb;
  ValueId in = fb.input("x", x.dtype(), to_shape(x.dims()));
  return lamina::test::run(fb, fb.b.cast(in, to), {x});
}

}  // namespace

TEST_CASE("where picks from a or b and broadcasts all three", "[select]") {
  lamina::test::FunctionBuilder fb;
  ValueId c = fb.input("c", DType::Bool, {2, 1});
  ValueId a = fb.input("a", DType::Int64, {3});
  ValueId b = fb.input("b", DType::Int64, {});
  Tensor r = lamina::test::run(fb, fb.add(Op::Select, {c, a, b}),
                               {make_int(DType::Bool, {2, 1}, {1, 0}), make_int(DType::Int64, {3}, {1, 2, 3}),
                                make_int(DType::Int64, {}, {-9})});
  check_ints(r, {2, 3}, {1, 2, 3, -9, -9, -9});
}

TEST_CASE("float to int casts truncate, map NaN to 0 and saturate", "[cast]") {
  Tensor x = make(DType::Float64, {7}, {2.7, -2.7, kNaN, kInf, -kInf, 3e9, -0.5});
  check_ints(cast(x, DType::Int32), {7}, {2, -2, 0, 2147483647, -2147483648LL, 2147483647, 0});
  check_ints(cast(x, DType::Int64), {7},
             {2, -2, 0, std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min(), 3000000000LL, 0});
}

TEST_CASE("casts to bool are x != 0, from bool give 0 or 1", "[cast]") {
  check_ints(cast(make(DType::Float32, {4}, {0, -0.0, 0.1, kNaN}), DType::Bool), {4}, {0, 0, 1, 1});
  check_ints(cast(make_int(DType::Int32, {3}, {0, 2, -1}), DType::Bool), {3}, {0, 1, 1});
  check_floats(cast(make_int(DType::Bool, {2}, {1, 0}), DType::Float32), {2}, {1, 0});
}

TEST_CASE("int casts wrap to int32 and round to float", "[cast]") {
  check_ints(cast(make_int(DType::Int64, {2}, {4294967297LL, -1}), DType::Int32), {2}, {1, -1});
  Tensor f = cast(make_int(DType::Int64, {1}, {16777217}), DType::Float32);  // 2^24 + 1
  CHECK(f.get_f64(0) == 16777216.0);
  Tensor d = cast(make(DType::Float64, {1}, {0.1}), DType::Float32);
  CHECK(d.data<float>()[0] == 0.1f);
}
