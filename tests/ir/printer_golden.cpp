// The IR printer's text (`lamina explain --emit ir`), checked against golden text.

#include "ir/ir_test_util.h"
#include "ir/printer.h"
#include "ir/slice.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;

TEST_CASE("the printer shows ops, operands, attributes, types and source positions", "[printer]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 4});
  ValueId s = fb.add(Op::ReduceSum, {x}, lamina::test::attrs_axes({1}, true), at(2, 10));
  ValueId d = fb.b.binary(Op::Div, x, s, at(2, 10));
  ValueId half = fb.b.constant(Tensor::scalar(DType::Float32, 0.5), at(3, 5));
  ValueId m = fb.b.binary(Op::Mul, d, half, at(3, 5));
  Attrs sl;
  sl.starts = {kSliceAbsentStart, kSliceAbsentStart};
  sl.stops = {kSliceAbsentStop, kSliceAbsentStop};
  sl.steps = {1, -1};
  ValueId r = fb.add(Op::Slice, {m}, sl, at(4, 3));
  Tensor small = Tensor::zeros(DType::Int32, {2, 2});
  for (int i = 0; i < 4; ++i) small.set_i64(i, i + 1);
  fb.b.constant(small);
  Attrs re = lamina::test::attrs_shape({n, 2, 0});
  re.infer_axis = 2;
  ValueId y = fb.add(Op::Reshape, {x}, re);
  Tensor large = Tensor::zeros(DType::Float32, {20});
  for (int i = 0; i < 20; ++i) large.set_i64(i, i);
  fb.b.constant(large);
  fb.f.outputs = {r, y};

  CHECK(format_function(fb.f) ==
        "lambda(x: float32(None, 4)) -> (float32(None, 4), float32(None, 2, 2))\n"
        "  %0 = Input x : float32(None, 4)\n"
        "  %1 = ReduceSum %0 axes=[1] keepdims : float32(None, 1)      @2:10\n"
        "  %2 = Div %0, %1 : float32(None, 4)                          @2:10\n"
        "  %3 = Constant 0.5 : float32()                               @3:5\n"
        "  %4 = Mul %2, %3 : float32(None, 4)                          @3:5\n"
        "  %5 = Slice %4 [:, ::-1] : float32(None, 4)                  @4:3\n"
        "  %6 = Constant [[1, 2], [3, 4]] : int32(2, 2)\n"
        "  %7 = Reshape %0 shape=(None, 2, -1) : float32(None, 2, 2)\n"
        "  %8 = Constant (20,) [0, 1, 2, 3, 4, 5, ...] : float32(20,)\n"
        "  return %5, %7\n");
}

TEST_CASE("the printer spells the attributes of each op group", "[printer]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float64, {3, 4});
  ValueId i = fb.input("i", DType::Int32, {2});
  Attrs pad;
  pad.starts = {1, 0};
  pad.stops = {0, 2};
  pad.a = -1.5;
  Attrs rnd = lamina::test::attrs_shape({2});
  rnd.a = 0;
  rnd.b = 1;
  rnd.seed = 7;
  rnd.dtype = DType::Float32;
  Attrs k;
  k.index = 2;
  Attrs cast;
  cast.dtype = DType::Int64;
  fb.add(Op::Pad, {x}, pad);
  fb.add(Op::Transpose, {x}, lamina::test::attrs_axes({1, 0}));
  fb.add(Op::Gather, {x, i}, lamina::test::attrs_axis(1));
  fb.add(Op::ArgMax, {x}, lamina::test::attrs_axis(0, true));
  fb.add(Op::RandomNormal, {}, rnd);
  fb.add(Op::TopKIndices, {x}, k);
  fb.add(Op::Cast, {x}, cast);
  fb.add(Op::Concat, {x, x}, lamina::test::attrs_axis(0));
  fb.b.constant(Tensor::scalar(DType::Bool, 1));
  fb.f.outputs = {2};
  CHECK(format_function(fb.f) ==
        "lambda(x: float64(3, 4), i: int32(2,)) -> (float64(4, 6))\n"
        "  %0 = Input x : float64(3, 4)\n"
        "  %1 = Input i : int32(2,)\n"
        "  %2 = Pad %0 pads=[(1, 0), (0, 2)] value=-1.5 : float64(4, 6)\n"
        "  %3 = Transpose %0 axes=[1, 0] : float64(4, 3)\n"
        "  %4 = Gather %0, %1 axis=1 : float64(3, 2)\n"
        "  %5 = ArgMax %0 axis=0 keepdims : int32(1, 4)\n"
        "  %6 = RandomNormal shape=(2,) mean=0 stddev=1 seed=7 : float32(2,)\n"
        "  %7 = TopKIndices %0 k=2 : int32(3, 2)\n"
        "  %8 = Cast %0 to int64 : int64(3, 4)\n"
        "  %9 = Concat %0, %0 axis=0 : float64(6, 4)\n"
        "  %10 = Constant True : bool()\n"
        "  return %2\n");
}

TEST_CASE("format_shape spells unknown dims as None or ?k", "[printer]") {
  CHECK(format_shape({}) == "()");
  CHECK(format_shape({5}) == "(5,)");
  CHECK(format_shape({Dim::symbol(0), Dim::symbol(3), 2}) == "(None, ?3, 2)");
  CHECK(format_type({DType::Int64, {Dim::symbol(0), 2}}) == "int64(None, 2)");
}
