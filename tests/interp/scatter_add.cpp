// ScatterAdd on the interpreter: updates summed at their indices, negative
// indices wrapping, size-1 result dims summing, out-of-range indices refused.

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::check_floats;
using lamina::test::check_ints;
using lamina::test::error_from;
using lamina::test::make;
using lamina::test::make_int;

namespace {

Tensor scatter_add(const Tensor& updates, const Tensor& idx, Dims shape, int64_t axis, SourceSpan span = {}) {
  lamina::test::FunctionBuilder fb;
  ValueId u = fb.input("u", updates.dtype(), to_shape(updates.dims()));
  ValueId i = fb.input("i", idx.dtype(), to_shape(idx.dims()));
  Attrs a;
  a.shape = to_shape(shape);
  a.axis = axis;
  return lamina::test::run(fb, fb.add(Op::ScatterAdd, {u, i}, a, span), {updates, idx});
}

}  // namespace

TEST_CASE("scatter_add adds each update at its index, repeated indices summing") {
  Tensor u = make(DType::Float32, {2, 3}, {1, 2, 3, 4, 5, 6});
  Tensor i = make_int(DType::Int32, {2, 3}, {0, 2, 2, 3, -1, 0});
  // Row 0: 1 at 0, 2 + 3 at 2. Row 1: 4 at 3, 5 at 3 (-1 wraps), 6 at 0.
  check_floats(scatter_add(u, i, {2, 4}, 1), {2, 4}, {1, 0, 5, 0, 6, 0, 0, 9});
}

TEST_CASE("scatter_add broadcasts indices and sums over size-1 result dims") {
  Tensor u = make(DType::Float64, {2, 3}, {1, 2, 3, 4, 5, 6});
  Tensor col = make_int(DType::Int64, {2, 1}, {1, 0});
  // Every element of row 0 goes to column 1, of row 1 to column 0; the result's
  // single row sums both rows: [4 + 5 + 6, 1 + 2 + 3].
  check_floats(scatter_add(u, col, {1, 2}, 1), {1, 2}, {15, 6});
  // The adjoint of take_along_axis along axis 0 with indices of shape (1, 3).
  Tensor row = make_int(DType::Int32, {1, 3}, {2, 0, 2});
  check_floats(scatter_add(u, row, {3, 3}, 0), {3, 3}, {0, 2 + 5, 0, 0, 0, 0, 1 + 4, 0, 3 + 6});
}

TEST_CASE("scatter_add on integers wraps like the other integer kernels") {
  Tensor u = make_int(DType::Int32, {1, 2}, {2147483647, 1});
  Tensor i = make_int(DType::Int32, {1, 2}, {0, 0});
  check_ints(scatter_add(u, i, {1, 1}, 1), {1, 1}, {-2147483648LL});
}

TEST_CASE("scatter_add refuses an index out of range at the node") {
  Tensor u = make(DType::Float32, {1, 2}, {1, 2});
  Tensor i = make_int(DType::Int32, {1, 2}, {0, 3});
  Error e = error_from([&] { scatter_add(u, i, {1, 3}, 1, at(2, 5)); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "index 3 is out of bounds for axis 1 with size 3");
  CHECK(e.span().line == 2);
}
