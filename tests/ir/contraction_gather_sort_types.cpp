// Type rules of MatMul, Gather, GatherAlong and TopK.

#include "ir/ir_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::attrs_axis;
using lamina::test::error_from;

TEST_CASE("matmul contracts the inner dims and broadcasts batch dims", "[matmul]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId a = fb.input("a", DType::Float32, {n, 3});
  ValueId w = fb.input("w", DType::Float32, {3, 5});
  CHECK(fb.type(fb.b.binary(Op::MatMul, a, w)) == Type{DType::Float32, {n, 5}});
  ValueId b1 = fb.input("b1", DType::Float32, {2, 1, 4, 3});
  ValueId b2 = fb.input("b2", DType::Float32, {6, 3, 7});
  CHECK(fb.type(fb.b.binary(Op::MatMul, b1, b2)).shape == Shape{2, 6, 4, 7});
}

TEST_CASE("matmul reports differing contracted dims with both shapes", "[matmul]") {
  lamina::test::FunctionBuilder fb;
  ValueId a = fb.input("a", DType::Float32, {fb.batch(), 3});
  ValueId b = fb.input("b", DType::Float32, {4, 5});
  Error e = error_from([&] { fb.b.binary(Op::MatMul, a, b, at(1, 14)); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "matmul: (None, 3) @ (4, 5): contracted dimensions 3 and 4 differ");
  CHECK(e.span().column == 14);
}

TEST_CASE("matmul rejects rank < 2, mixed dtypes, bool and batch mismatches", "[matmul]") {
  lamina::test::FunctionBuilder fb;
  ValueId v = fb.input("v", DType::Float32, {3});
  ValueId m = fb.input("m", DType::Float32, {3, 3});
  ValueId i = fb.input("i", DType::Int32, {3, 3});
  ValueId p = fb.input("p", DType::Bool, {3, 3});
  ValueId b2 = fb.input("b2", DType::Float32, {2, 3, 3});
  ValueId b3 = fb.input("b3", DType::Float32, {4, 3, 3});
  CHECK(error_from([&] { fb.b.binary(Op::MatMul, v, m); }).message() ==
        "matmul: (3,) @ (3, 3): both operands need at least 2 dimensions");
  CHECK(error_from([&] { fb.b.binary(Op::MatMul, m, i); }).kind() == ErrorKind::Type);
  CHECK(error_from([&] { fb.b.binary(Op::MatMul, p, p); }).kind() == ErrorKind::Type);
  CHECK(fb.type(fb.b.binary(Op::MatMul, i, i)).dtype == DType::Int32);
  Error e = error_from([&] { fb.b.binary(Op::MatMul, b2, b3); });
  CHECK(e.message() == "matmul: (2, 3, 3) @ (4, 3, 3): batch dimensions (2,) and (4,) cannot be broadcast");
}

TEST_CASE("gather replaces the axis with the index shape", "[gather]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 5, 6});
  ValueId idx = fb.input("idx", DType::Int64, {2, 3});
  CHECK(fb.type(fb.add(Op::Gather, {x, idx}, attrs_axis(1))).shape == Shape{n, 2, 3, 6});
  ValueId fidx = fb.input("f", DType::Float32, {2});
  Error e = error_from([&] { fb.add(Op::Gather, {x, fidx}, attrs_axis(0)); });
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "Gather needs int32 or int64 indices, got float32");
  CHECK(error_from([&] { fb.add(Op::Gather, {x, idx}, attrs_axis(3)); }).kind() == ErrorKind::Axis);
}

TEST_CASE("take_along_axis broadcasts indices against the tensor", "[gather]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {4, 5});
  ValueId idx = fb.input("idx", DType::Int32, {4, 2});
  ValueId row = fb.input("row", DType::Int32, {1, 2});
  ValueId flat = fb.input("flat", DType::Int32, {2});
  ValueId bad = fb.input("bad", DType::Int32, {3, 2});
  CHECK(fb.type(fb.add(Op::GatherAlong, {x, idx}, attrs_axis(1))).shape == Shape{4, 2});
  CHECK(fb.type(fb.add(Op::GatherAlong, {x, row}, attrs_axis(1))).shape == Shape{4, 2});
  ValueId col = fb.input("col", DType::Int32, {3, 1});
  CHECK(fb.type(fb.add(Op::GatherAlong, {x, col}, attrs_axis(0))).shape == Shape{3, 5});
  CHECK(error_from([&] { fb.add(Op::GatherAlong, {x, idx}, attrs_axis(0)); }).kind() == ErrorKind::Shape);
  CHECK(error_from([&] { fb.add(Op::GatherAlong, {x, flat}, attrs_axis(1)); }).kind() == ErrorKind::Shape);
  Error e = error_from([&] { fb.add(Op::GatherAlong, {x, bad}, attrs_axis(1)); });
  CHECK(e.message() == "take_along_axis: indices of shape (3, 2) do not fit the tensor (4, 5) outside axis 1");
}

TEST_CASE("top_k replaces the last dim by k and checks k", "[topk]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 5});
  Attrs k;
  k.index = 2;
  CHECK(fb.type(fb.add(Op::TopKValues, {x}, k)) == Type{DType::Float32, {n, 2}});
  CHECK(fb.type(fb.add(Op::TopKIndices, {x}, k)) == Type{DType::Int32, {n, 2}});
  k.index = 6;
  Error e = error_from([&] { fb.add(Op::TopKValues, {x}, k); });
  CHECK(e.kind() == ErrorKind::Value);
  CHECK(e.message() == "top_k: k = 6 is larger than the last dimension of (None, 5) (5)");
  k.index = -1;
  CHECK(error_from([&] { fb.add(Op::TopKValues, {x}, k); }).message() == "top_k: k must be non-negative, got -1");
}
