// The type rule and printed form of ScatterAdd (the adjoint of GatherAlong).

#include "ir/ir_test_util.h"
#include "ir/printer.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::error_from;

namespace {

Attrs scatter(Shape shape, int64_t axis) {
  Attrs a;
  a.shape = std::move(shape);
  a.axis = axis;
  return a;
}

}  // namespace

TEST_CASE("ScatterAdd has the dtype of its updates and the shape it is given") {
  lamina::test::FunctionBuilder fb;
  ValueId u = fb.input("u", DType::Float32, {4, 2});
  ValueId i = fb.input("i", DType::Int32, {4, 2});
  ValueId col = fb.input("c", DType::Int64, {1, 2});
  CHECK(fb.type(fb.add(Op::ScatterAdd, {u, i}, scatter({4, 5}, 1))) == Type{DType::Float32, {4, 5}});
  CHECK(fb.type(fb.add(Op::ScatterAdd, {u, col}, scatter({7, 2}, 0))) == Type{DType::Float32, {7, 2}});
  // A size-1 dim of the result sums the updates over that dim.
  CHECK(fb.type(fb.add(Op::ScatterAdd, {u, i}, scatter({1, 3}, 1))) == Type{DType::Float32, {1, 3}});
  Dim n = fb.batch();
  ValueId ub = fb.input("ub", DType::Float64, {n, 2});
  ValueId ib = fb.input("ib", DType::Int32, {n, 2});
  CHECK(fb.type(fb.add(Op::ScatterAdd, {ub, ib}, scatter({n, 6}, 1))) == Type{DType::Float64, {n, 6}});
  fb.f.outputs = {3};
  CHECK_THAT(format_function(fb.f), Catch::Contains("%3 = ScatterAdd %0, %1 shape=(4, 5) axis=1 : float32(4, 5)"));
}

TEST_CASE("ScatterAdd rejects indices and updates that do not fit") {
  lamina::test::FunctionBuilder fb;
  ValueId u = fb.input("u", DType::Float32, {4, 2});
  ValueId i = fb.input("i", DType::Int32, {4, 2});
  ValueId f = fb.input("f", DType::Float32, {4, 2});
  ValueId flat = fb.input("flat", DType::Int32, {8});
  ValueId wide = fb.input("wide", DType::Int32, {4, 3});
  Error rank = error_from([&] { fb.add(Op::ScatterAdd, {u, flat}, scatter({4, 5}, 1)); });
  CHECK(rank.kind() == ErrorKind::Shape);
  CHECK(rank.message() == "scatter_add: updates (4, 2) and indices (8,) need the rank of the result (4, 5)");
  Error misfit = error_from([&] { fb.add(Op::ScatterAdd, {u, wide}, scatter({4, 5}, 1)); });
  CHECK(misfit.message() == "scatter_add: updates (4, 2) and indices (4, 3) do not fit the result (4, 5) in dimension 1");
  CHECK(error_from([&] { fb.add(Op::ScatterAdd, {u, i}, scatter({3, 5}, 1)); }).kind() == ErrorKind::Shape);
  CHECK(error_from([&] { fb.add(Op::ScatterAdd, {u, f}, scatter({4, 5}, 1)); }).kind() == ErrorKind::Type);
  CHECK(error_from([&] { fb.add(Op::ScatterAdd, {u, i}, scatter({4, 5}, 2)); }).kind() == ErrorKind::Axis);
}
