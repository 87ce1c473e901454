// take / take_along_axis (negative indices, bounds errors) and top_k.

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::check_floats;
using lamina::test::check_ints;
using lamina::test::error_from;
using lamina::test::kNaN;
using lamina::test::make;
using lamina::test::make_int;

namespace {

Tensor gather(Op op, const Tensor& x, const Tensor& idx, int64_t axis, SourceSpan span = {}) {
  lamina::test::FunctionBuilder fb;
  ValueId a = fb.input("x", x.dtype(), to_shape(x.dims()));
  ValueId b = fb.input("i", idx.dtype(), to_shape(idx.dims()));
  return lamina::test::run(fb, fb.add(op, {a, b}, lamina::test::attrs_axis(axis), span), {x, idx});
}

Tensor topk(Op op, const Tensor& x, int64_t k) {
  lamina::test::FunctionBuilder fb;
  ValueId a = fb.input("x", x.dtype(), to_shape(x.dims()));
  Attrs attrs;
  attrs.index = k;
  return lamina::test::run(fb, fb.add(op, {a}, attrs), {x});
}

Tensor arange(Dims dims) {
  Tensor x = Tensor::zeros(DType::Int32, std::move(dims));
  for (int64_t i = 0; i < x.size(); ++i) x.set_i64(i, i);
  return x;
}

}  // namespace

TEST_CASE("take gathers along an axis with negative indices wrapping", "[gather]") {
  // numpy.take(numpy.arange(10).reshape(2, 5), [[4, -1], [0, 2]], axis=1)
  check_ints(gather(Op::Gather, arange({2, 5}), make_int(DType::Int64, {2, 2}, {4, -1, 0, 2}), 1), {2, 2, 2},
             {4, 4, 0, 2, 9, 9, 5, 7});
}

TEST_CASE("an out-of-range index is a Runtime error at the node", "[gather]") {
  Error e = error_from([] { gather(Op::Gather, arange({5}), make_int(DType::Int32, {2}, {1, 7}), 0, at(1, 6)); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "index 7 is out of bounds for axis 0 with size 5");
  CHECK(e.span().column == 6);
  Error n = error_from([] { gather(Op::Gather, arange({5}), make_int(DType::Int32, {1}, {-6}), 0); });
  CHECK(n.message() == "index -6 is out of bounds for axis 0 with size 5");
}

TEST_CASE("take with an empty index list gives an empty result", "[gather]") {
  CHECK(gather(Op::Gather, arange({2, 5}), Tensor::zeros(DType::Int32, {0}), 1).dims() == Dims{2, 0});
}

TEST_CASE("take_along_axis picks per row and broadcasts indices", "[gather]") {
  Tensor x = make_int(DType::Int32, {2, 3}, {10, 30, 20, 60, 40, 50});
  check_ints(gather(Op::GatherAlong, x, make_int(DType::Int32, {2, 1}, {1, 0}), 1), {2, 1}, {30, 60});
  check_ints(gather(Op::GatherAlong, x, make_int(DType::Int32, {1, 2}, {2, -3}), 1), {2, 2}, {20, 10, 50, 60});
  Error e = error_from([&] { gather(Op::GatherAlong, x, make_int(DType::Int32, {2, 1}, {3, 0}), 1); });
  CHECK(e.message() == "index 3 is out of bounds for axis 1 with size 3");
}

TEST_CASE("top_k sorts descending, lower index first among ties, NaN largest", "[topk]") {
  Tensor x = make(DType::Float32, {2, 4}, {1, 3, 3, 2, 0, kNaN, 5, -1});
  check_floats(topk(Op::TopKValues, x, 3), {2, 3}, {3, 3, 2, kNaN, 5, 0});
  Tensor i = topk(Op::TopKIndices, x, 3);
  CHECK(i.dtype() == DType::Int32);
  check_ints(i, {2, 3}, {1, 2, 3, 1, 2, 0});
  check_ints(topk(Op::TopKValues, make_int(DType::Int64, {3}, {4, 9, 4}), 3), {3}, {9, 4, 4});
  CHECK(topk(Op::TopKValues, x, 0).dims() == Dims{2, 0});
}

TEST_CASE("top_k with k larger than the run-time size is an error", "[topk]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch()});
  Attrs k;
  k.index = 3;
  fb.f.outputs = {fb.add(Op::TopKValues, {x}, k, at(1, 1))};
  Error e = error_from([&] { interpret(fb.f, {Tensor::zeros(DType::Float32, {2})}); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "top_k: k = 3 is larger than the last dimension of (2,) (2)");
}
