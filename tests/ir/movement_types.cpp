// Type rules of Transpose, Broadcast, Slice, Concat and Pad.

#include "ir/ir_test_util.h"
#include "ir/slice.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::error_from;

namespace {

Attrs slices(std::vector<int64_t> starts, std::vector<int64_t> stops, std::vector<int64_t> steps) {
  Attrs a;
  a.starts = std::move(starts);
  a.stops = std::move(stops);
  a.steps = std::move(steps);
  return a;
}

constexpr int64_t kNo = kSliceAbsentStart;
constexpr int64_t kEnd = kSliceAbsentStop;

}  // namespace

TEST_CASE("transpose permutes dims and rejects a non-permutation", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch(), 3, 4});
  CHECK(fb.type(fb.add(Op::Transpose, {x}, lamina::test::attrs_axes({2, 0, 1}))).shape ==
        Shape{4, Dim::symbol(0), 3});
  Error e = error_from([&] { fb.add(Op::Transpose, {x}, lamina::test::attrs_axes({0, 0, 1})); });
  CHECK(e.kind() == ErrorKind::Axis);
  CHECK(e.message() == "transpose axes [0, 0, 1] are not a permutation of the 3 axes of (None, 3, 4)");
  CHECK(error_from([&] { fb.add(Op::Transpose, {x}, lamina::test::attrs_axes({1, 0})); }).kind() == ErrorKind::Axis);
}

TEST_CASE("broadcast_to accepts equal or size-1 dims and rejects others", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Int32, {3, 1});
  CHECK(fb.type(fb.add(Op::Broadcast, {x}, lamina::test::attrs_shape({2, 3, 5}))).shape == Shape{2, 3, 5});
  Error e = error_from([&] { fb.add(Op::Broadcast, {x}, lamina::test::attrs_shape({4, 5})); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "cannot broadcast (3, 1) to (4, 5)");
  Error e2 = error_from([&] { fb.add(Op::Broadcast, {x}, lamina::test::attrs_shape({3})); });
  CHECK(e2.message() == "cannot broadcast (3, 1) to (3,)");
}

TEST_CASE("slice lengths follow Python, keeping a symbol only for a whole slice", "[movement]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 10, 5});
  Type t = fb.type(fb.add(Op::Slice, {x}, slices({kNo, 2, -1}, {kEnd, -3, kEnd}, {1, 2, -2})));
  // [:, 2:-3:2, -1::-2] on (None, 10, 5): indices 2, 4, 6 and 4, 2, 0
  CHECK(t.shape == Shape{n, 3, 3});
  Type r = fb.type(fb.add(Op::Slice, {x}, slices({kNo, kNo, kNo}, {kEnd, kEnd, kEnd}, {-1, 1, 1})));
  CHECK(r.shape[0] == n);
  int before = fb.f.num_symbols;
  Type s = fb.type(fb.add(Op::Slice, {x}, slices({1, kNo, kNo}, {kEnd, kEnd, kEnd}, {1, 1, 1})));
  CHECK(s.shape[0] == Dim::symbol(before));
}

TEST_CASE("a zero slice step is a Value error", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {4});
  Error e = error_from([&] { fb.add(Op::Slice, {x}, slices({kNo}, {kEnd}, {0}), at(1, 4)); });
  CHECK(e.kind() == ErrorKind::Value);
  CHECK(e.message() == "slice step cannot be zero");
  CHECK(e.span().column == 4);
}

TEST_CASE("concat sums the axis and unifies the other dims", "[movement]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId a = fb.input("a", DType::Float32, {n, 3});
  ValueId b = fb.input("b", DType::Float32, {2, 4});
  CHECK(fb.type(fb.add(Op::Concat, {a, b}, lamina::test::attrs_axis(1))).shape == Shape{2, 7});
  int before = fb.f.num_symbols;
  CHECK(fb.type(fb.add(Op::Concat, {a, a}, lamina::test::attrs_axis(0))).shape == Shape{Dim::symbol(before), 3});
}

TEST_CASE("concat reports mismatched inputs by position", "[movement]") {
  lamina::test::FunctionBuilder fb;
  ValueId a = fb.input("a", DType::Float32, {2, 3});
  ValueId b = fb.input("b", DType::Float32, {4, 5});
  ValueId c = fb.input("c", DType::Float32, {3});
  ValueId d = fb.input("d", DType::Int32, {2, 3});
  Error e = error_from([&] { fb.add(Op::Concat, {a, a, b}, lamina::test::attrs_axis(1)); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "cannot concatenate along axis 1: input 0 has shape (2, 3) but input 2 has shape (4, 5)");
  CHECK(e.hint() == "all dimensions except axis 1 must match (dimension 0: 2 vs 4)");
  Error e2 = error_from([&] { fb.add(Op::Concat, {a, c}, lamina::test::attrs_axis(0)); });
  CHECK(e2.message() ==
        "cannot concatenate tensors of different ranks: input 0 has shape (2, 3) but input 1 has shape (3,)");
  Error e3 = error_from([&] { fb.add(Op::Concat, {a, d}, lamina::test::attrs_axis(0)); });
  CHECK(e3.kind() == ErrorKind::Type);
  Error e4 = error_from([&] { fb.add(Op::Concat, {a}, lamina::test::attrs_axis(2)); });
  CHECK(e4.kind() == ErrorKind::Axis);
  Error e5 = error_from([&] { fb.add(Op::Concat, {}, lamina::test::attrs_axis(0)); });
  CHECK(e5.kind() == ErrorKind::Value);
}

TEST_CASE("pad adds widths to each dim and rejects negative widths", "[movement]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 3});
  Attrs a;
  a.starts = {0, 1};
  a.stops = {0, 2};
  CHECK(fb.type(fb.add(Op::Pad, {x}, a)).shape == Shape{n, 6});
  a.starts = {0, -1};
  Error e = error_from([&] { fb.add(Op::Pad, {x}, a); });
  CHECK(e.kind() == ErrorKind::Value);
  CHECK(e.message() == "pad widths must be non-negative, got (-1, 2) for axis 1");
}
