// Type rules of reductions, arg-reductions and scans.

#include "ir/ir_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::attrs_axes;
using lamina::test::attrs_axis;
using lamina::test::error_from;

TEST_CASE("reductions drop or keep the reduced axes", "[reduce]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 3, 4});
  CHECK(fb.type(fb.add(Op::ReduceSum, {x}, attrs_axes({1}))) == Type{DType::Float32, {n, 4}});
  CHECK(fb.type(fb.add(Op::ReduceMax, {x}, attrs_axes({0, 2}, true))) == Type{DType::Float32, {1, 3, 1}});
  CHECK(fb.type(fb.add(Op::ReduceProd, {x}, attrs_axes({0, 1, 2}))) == Type{DType::Float32, {}});
  CHECK(fb.type(fb.add(Op::ReduceMin, {x}, attrs_axes({}))) == Type{DType::Float32, {n, 3, 4}});
}

TEST_CASE("reduction axes must be in range, sorted and unique", "[reduce]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Int32, {2, 3});
  Error e = error_from([&] { fb.add(Op::ReduceSum, {x}, attrs_axes({2})); });
  CHECK(e.kind() == ErrorKind::Axis);
  CHECK(e.message() == "axis 2 is out of range for a tensor of rank 2 (shape (2, 3))");
  CHECK(e.hint() == "valid axes are 0 to 1 (or -2 to -1 counting from the end)");
  Error e2 = error_from([&] { fb.add(Op::ReduceSum, {x}, attrs_axes({1, 1})); });
  CHECK(e2.kind() == ErrorKind::Axis);
  CHECK(e2.message() == "reduction axes [1, 1] repeat an axis");
}

TEST_CASE("reduction dtypes: numbers for sum/prod/max/min, bool for any/all", "[reduce]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {2});
  ValueId p = fb.input("p", DType::Bool, {2});
  CHECK(fb.type(fb.add(Op::ReduceAny, {p}, attrs_axes({0}))) == Type{DType::Bool, {}});
  CHECK(error_from([&] { fb.add(Op::ReduceAll, {x}, attrs_axes({0})); }).message() ==
        "ReduceAll needs a bool tensor, got float32");
  CHECK(error_from([&] { fb.add(Op::ReduceSum, {p}, attrs_axes({0})); }).kind() == ErrorKind::Type);
}

TEST_CASE("argmax/argmin give int32 and check the axis", "[reduce]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float64, {n, 5});
  CHECK(fb.type(fb.add(Op::ArgMax, {x}, attrs_axis(1))) == Type{DType::Int32, {n}});
  CHECK(fb.type(fb.add(Op::ArgMin, {x}, attrs_axis(1, true))) == Type{DType::Int32, {n, 1}});
  CHECK(error_from([&] { fb.add(Op::ArgMax, {x}, attrs_axis(2)); }).kind() == ErrorKind::Axis);
}

TEST_CASE("argmax over an axis known to be empty is rejected before run time", "[reduce]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {3, 0});
  Error e = error_from([&] { fb.add(Op::ArgMax, {x}, attrs_axis(1), lamina::test::at(1, 1)); });
  CHECK(e.kind() == ErrorKind::Value);
  CHECK(e.message() == "argmax of an empty axis: axis 1 of (3, 0) has size 0");
}

TEST_CASE("cumsum keeps the type and checks the axis", "[reduce]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Int64, {fb.batch(), 2});
  Type xt = fb.type(x);
  CHECK(fb.type(fb.add(Op::CumSum, {x}, attrs_axis(1))) == xt);
  CHECK(error_from([&] { fb.add(Op::CumProd, {x}, attrs_axis(5)); }).kind() == ErrorKind::Axis);
}
