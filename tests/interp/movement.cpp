// Reshape, transpose, broadcast_to, slicing (negative steps), concat and pad.

#include "interp/interp_test_util.h"
#include "ir/slice.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::check_floats;
using lamina::test::check_ints;
using lamina::test::error_from;
using lamina::test::make;
using lamina::test::make_int;

namespace {

constexpr int64_t kNo = kSliceAbsentStart;
constexpr int64_t kEnd = kSliceAbsentStop;

Tensor arange(DType t, Dims dims) {
  Tensor x = Tensor::zeros(t, std::move(dims));
  for (int64_t i = 0; i < x.size(); ++i) x.set_i64(i, i);
  return x;
}

Tensor slice(const Tensor& x, std::vector<int64_t> starts, std::vector<int64_t> stops, std::vector<int64_t> steps) {
  lamina::test::FunctionBuilder fb;
  ValueId in = fb.input("x", x.dtype(), to_shape(x.dims()));
  Attrs a;
  a.starts = std::move(starts);
  a.stops = std::move(stops);
  a.steps = std::move(steps);
  return lamina::test::run(fb, fb.add(Op::Slice, {in}, a), {x});
}

}  // namespace

TEST_CASE("reshape keeps C order and infers -1 at run time", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Int32, {fb.batch(), 6});
  Attrs a = lamina::test::attrs_shape({0, 2});
  a.infer_axis = 0;
  Tensor r = lamina::test::run(fb, fb.add(Op::Reshape, {x}, a), {arange(DType::Int32, {2, 6})});
  check_ints(r, {6, 2}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
}

TEST_CASE("a reshape whose sizes only meet at run time is checked there", "[movement]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  Dim m = fb.symbol();
  ValueId x = fb.input("x", DType::Float32, {n, 6});
  fb.input("y", DType::Float32, {m});
  ValueId r = fb.add(Op::Reshape, {x}, lamina::test::attrs_shape({m, 4}), at(2, 7));
  fb.f.outputs = {r};
  CHECK(interpret(fb.f, {Tensor::zeros(DType::Float32, {2, 6}), Tensor::zeros(DType::Float32, {3})})[0].dims() ==
        Dims{3, 4});
  Error e = error_from(
      [&] { interpret(fb.f, {Tensor::zeros(DType::Float32, {2, 6}), Tensor::zeros(DType::Float32, {2})}); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "cannot reshape (2, 6) into (2, 4)");
  CHECK(e.span().line == 2);
  CHECK(e.span().column == 7);
}

TEST_CASE("a size first known from a reshape can size later nodes", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch(), 6});
  Attrs a = lamina::test::attrs_shape({0, 2});
  a.infer_axis = 0;
  ValueId r = fb.add(Op::Reshape, {x}, a);
  Dim rows = fb.type(r).shape[0];
  ValueId c = fb.b.constant(make(DType::Float32, {1, 2}, {1, 2}));
  ValueId b = fb.add(Op::Broadcast, {c}, lamina::test::attrs_shape({rows, 2}));
  Tensor out = lamina::test::run(fb, b, {Tensor::zeros(DType::Float32, {1, 6})});
  check_floats(out, {3, 2}, {1, 2, 1, 2, 1, 2});
}

TEST_CASE("transpose permutes axes", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Int64, {2, 3, 2});
  Tensor r = lamina::test::run(fb, fb.add(Op::Transpose, {x}, lamina::test::attrs_axes({2, 0, 1})),
                               {arange(DType::Int64, {2, 3, 2})});
  // numpy.arange(12).reshape(2, 3, 2).transpose(2, 0, 1)
  check_ints(r, {2, 2, 3}, {0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11});
}

TEST_CASE("broadcast_to repeats size-1 and missing dims", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Bool, {2, 1});
  Tensor r = lamina::test::run(fb, fb.add(Op::Broadcast, {x}, lamina::test::attrs_shape({2, 2, 3})),
                               {make_int(DType::Bool, {2, 1}, {1, 0})});
  check_ints(r, {2, 2, 3}, {1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0});
}

TEST_CASE("slices with negative steps and negative bounds", "[movement]") {
  Tensor x = arange(DType::Float32, {3, 4});
  // numpy.arange(12).reshape(3, 4)[::-1, 1::2]
  check_floats(slice(x, {kNo, 1}, {kEnd, kEnd}, {-1, 2}), {3, 2}, {9, 11, 5, 7, 1, 3});
  // [-1:0:-1, -2:]
  check_floats(slice(x, {-1, -2}, {0, kEnd}, {-1, 1}), {2, 2}, {10, 11, 6, 7});
  // [5:, :] is empty
  CHECK(slice(x, {5, kNo}, {kEnd, kEnd}, {1, 1}).dims() == Dims{0, 4});
  // [:, ::-3] on 4 columns: 3, 0
  check_floats(slice(x, {kNo, kNo}, {kEnd, kEnd}, {1, -3}), {3, 2}, {3, 0, 7, 4, 11, 8});
}

TEST_CASE("concat joins along an axis, including empty pieces", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId a = fb.input("a", DType::Int32, {2, 1});
  ValueId b = fb.input("b", DType::Int32, {2, 2});
  ValueId e = fb.input("e", DType::Int32, {2, 0});
  Tensor r = lamina::test::run(fb, fb.add(Op::Concat, {a, e, b}, lamina::test::attrs_axis(1)),
                               {make_int(DType::Int32, {2, 1}, {1, 2}), make_int(DType::Int32, {2, 2}, {3, 4, 5, 6}),
                                Tensor::zeros(DType::Int32, {2, 0})});
  check_ints(r, {2, 3}, {1, 3, 4, 2, 5, 6});
}

TEST_CASE("concat along axis 0 of unknown sizes", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId a = fb.input("a", DType::Float32, {fb.batch(), 2});
  ValueId c = fb.add(Op::Concat, {a, a}, lamina::test::attrs_axis(0));
  Tensor r = lamina::test::run(fb, c, {make(DType::Float32, {1, 2}, {7, 8})});
  check_floats(r, {2, 2}, {7, 8, 7, 8});
}

TEST_CASE("pad fills with the pad value around the input", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {2, 2});
  Attrs a;
  a.starts = {1, 0};
  a.stops = {0, 1};
  a.a = -1;
  Tensor r = lamina::test::run(fb, fb.add(Op::Pad, {x}, a), {make(DType::Float32, {2, 2}, {1, 2, 3, 4})});
  check_floats(r, {3, 3}, {-1, -1, -1, 1, 2, -1, 3, 4, -1});
}

TEST_CASE("pad of an empty tensor is all pad value", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Int32, {0});
  Attrs a;
  a.starts = {1};
  a.stops = {2};
  a.a = 7;
  check_ints(lamina::test::run(fb, fb.add(Op::Pad, {x}, a), {Tensor::zeros(DType::Int32, {0})}), {3}, {7, 7, 7});
}
