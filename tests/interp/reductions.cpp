// Sum/prod/max/min/any/all over axes, argmax/argmin, cumsum/cumprod.

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::check_floats;
using lamina::test::check_ints;
using lamina::test::error_from;
using lamina::test::kInf;
using lamina::test::kNaN;
using lamina::test::make;
using lamina::test::make_int;

namespace {

Tensor arange(DType t, Dims dims, int64_t from = 0) {
  Tensor x = Tensor::zeros(t, std::move(dims));
  for (int64_t i = 0; i < x.size(); ++i) x.set_i64(i, from + i);
  return x;
}

Tensor reduce(Op op, const Tensor& x, std::vector<int64_t> axes, bool keepdims = false) {
  lamina::test::FunctionBuilder fb;
  ValueId in = fb.input("x", x.dtype(), to_shape(x.dims()));
  return lamina::test::run(fb, fb.add(op, {in}, lamina::test::attrs_axes(std::move(axes), keepdims)), {x});
}

Tensor along(Op op, const Tensor& x, int64_t axis, bool keepdims = false) {
  lamina::test::FunctionBuilder fb;
  ValueId in = fb.input("x", x.dtype(), to_shape(x.dims()));
  return lamina::test::run(fb, fb.add(op, {in}, lamina::test::attrs_axis(axis, keepdims)), {x});
}

}  // namespace

TEST_CASE("sum and prod over one or several axes", "[reduce]") {
  Tensor x = arange(DType::Float32, {2, 3, 4});
  check_floats(reduce(Op::ReduceSum, x, {1}), {2, 4}, {12, 15, 18, 21, 48, 51, 54, 57});
  check_floats(reduce(Op::ReduceSum, x, {0, 2}, true), {1, 3, 1}, {60, 92, 124});
  check_floats(reduce(Op::ReduceProd, x, {2}), {2, 3}, {0, 840, 7920, 32760, 93024, 212520});
  check_floats(reduce(Op::ReduceSum, x, {0, 1, 2}), {}, {276});
}

TEST_CASE("float sums accumulate in double", "[reduce]") {
  // 2^24 + 1 + 1 + ... is exact in double; float32 accumulation would stay at 2^24.
  Tensor x = make(DType::Float32, {5}, {16777216, 1, 1, 1, 1});
  check_floats(reduce(Op::ReduceSum, x, {0}), {}, {16777220});
}

TEST_CASE("integer sums keep their dtype and wrap", "[reduce]") {
  Tensor x = make_int(DType::Int32, {2}, {2147483647, 1});
  Tensor s = reduce(Op::ReduceSum, x, {0});
  CHECK(s.dtype() == DType::Int32);
  check_ints(s, {}, {-2147483648LL});
}

TEST_CASE("max and min propagate NaN", "[reduce]") {
  Tensor x = make(DType::Float64, {2, 3}, {1, kNaN, 3, -1, -5, 2});
  check_floats(reduce(Op::ReduceMax, x, {1}), {2}, {kNaN, 2});
  check_floats(reduce(Op::ReduceMin, x, {1}), {2}, {kNaN, -5});
  check_floats(reduce(Op::ReduceMax, x, {0}), {3}, {1, kNaN, 3});
}

TEST_CASE("reductions over an empty axis give the identity", "[reduce]") {
  Tensor f = Tensor::zeros(DType::Float32, {2, 0});
  check_floats(reduce(Op::ReduceSum, f, {1}), {2}, {0, 0});
  check_floats(reduce(Op::ReduceProd, f, {1}), {2}, {1, 1});
  check_floats(reduce(Op::ReduceMax, f, {1}), {2}, {-kInf, -kInf});
  check_floats(reduce(Op::ReduceMin, f, {1}), {2}, {kInf, kInf});
  Tensor i = Tensor::zeros(DType::Int32, {0});
  check_ints(reduce(Op::ReduceMax, i, {0}), {}, {-2147483648LL});
  check_ints(reduce(Op::ReduceMin, i, {0}), {}, {2147483647});
  Tensor b = Tensor::zeros(DType::Bool, {0});
  check_ints(reduce(Op::ReduceAny, b, {0}), {}, {0});
  check_ints(reduce(Op::ReduceAll, b, {0}), {}, {1});
  // Reducing the non-empty axis of an empty tensor gives an empty result.
  CHECK(reduce(Op::ReduceSum, f, {0}).dims() == Dims{0});
}

TEST_CASE("any and all", "[reduce]") {
  Tensor p = make_int(DType::Bool, {2, 3}, {0, 0, 1, 1, 1, 1});
  check_ints(reduce(Op::ReduceAny, p, {1}), {2}, {1, 1});
  check_ints(reduce(Op::ReduceAll, p, {1}), {2}, {0, 1});
  check_ints(reduce(Op::ReduceAll, p, {0}, true), {1, 3}, {0, 0, 1});
}

TEST_CASE("argmax and argmin return the first extreme, NaN counting as extreme", "[reduce]") {
  Tensor x = make(DType::Float32, {3, 4}, {1, 3, 3, 2, kNaN, 5, kNaN, 1, 0, 0, 0, 0});
  Tensor r = along(Op::ArgMax, x, 1);
  CHECK(r.dtype() == DType::Int32);
  check_ints(r, {3}, {1, 0, 0});
  check_ints(along(Op::ArgMin, make(DType::Float64, {2, 3}, {1, -3, -3, 2, kNaN, -9}), 1), {2}, {1, 1});
  check_ints(along(Op::ArgMax, make_int(DType::Int64, {2, 2}, {5, 1, 0, 7}), 0, true), {1, 2}, {0, 1});
}

TEST_CASE("argmax over an axis that turns out empty is an error at the node", "[reduce]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {2, fb.batch()});
  fb.f.outputs = {fb.add(Op::ArgMax, {x}, lamina::test::attrs_axis(1), at(3, 9))};
  Error e = error_from([&] { interpret(fb.f, {Tensor::zeros(DType::Float32, {2, 0})}); });
  CHECK(e.message() == "argmax of an empty axis: axis 1 of (2, 0) has size 0");
  CHECK(e.span().line == 3);
  CHECK(e.span().column == 9);
}

TEST_CASE("cumsum and cumprod scan along an axis", "[scan]") {
  check_ints(along(Op::CumSum, arange(DType::Int32, {2, 3}), 0), {2, 3}, {0, 1, 2, 3, 5, 7});
  check_floats(along(Op::CumProd, arange(DType::Float32, {2, 3}, 1), 1), {2, 3}, {1, 2, 6, 4, 20, 120});
  check_floats(along(Op::CumSum, make(DType::Float64, {3}, {1, kNaN, 2}), 0), {3}, {1, kNaN, kNaN});
  CHECK(along(Op::CumSum, Tensor::zeros(DType::Float32, {0, 2}), 0).dims() == Dims{0, 2});
}
