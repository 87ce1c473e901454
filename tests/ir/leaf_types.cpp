// Types of the leaf ops: inputs, constants and generators.

#include "ir/ir_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::error_from;

TEST_CASE("Input and Constant types come from their declaration and value", "[types]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Int64, {fb.batch(), 5});
  CHECK(fb.type(x) == Type{DType::Int64, {Dim::symbol(0), 5}});
  ValueId c = fb.b.constant(Tensor::zeros(DType::Float64, {2, 3}));
  CHECK(fb.type(c) == Type{DType::Float64, {2, 3}});
  CHECK(fb.type(fb.b.constant(Tensor::scalar(DType::Bool, 1))) == Type{DType::Bool, {}});
}

TEST_CASE("Iota needs an axis of its shape and a numeric dtype", "[types]") {
  lamina::test::FunctionBuilder fb;
  Attrs a = lamina::test::attrs_shape({fb.batch(), 4});
  a.axis = 1;
  a.dtype = DType::Int32;
  CHECK(fb.type(fb.add(Op::Iota, {}, a)) == Type{DType::Int32, {Dim::symbol(0), 4}});
  a.axis = 2;
  Error e = error_from([&] { fb.add(Op::Iota, {}, a); });
  CHECK(e.kind() == ErrorKind::Axis);
  CHECK(e.message() == "axis 2 is out of range for a tensor of rank 2 (shape (None, 4))");
}

TEST_CASE("random generators need a float dtype", "[types]") {
  lamina::test::FunctionBuilder fb;
  Attrs a = lamina::test::attrs_shape({3, 2});
  a.dtype = DType::Float64;
  CHECK(fb.type(fb.add(Op::RandomNormal, {}, a)) == Type{DType::Float64, {3, 2}});
  a.dtype = DType::Int32;
  Error e = error_from([&] { fb.add(Op::RandomUniform, {}, a); });
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "RandomUniform needs a float tensor, got int32");
}

TEST_CASE("DimSize is an int32 scalar", "[types]") {
  lamina::test::FunctionBuilder fb;
  CHECK(fb.type(fb.add(Op::DimSize, {}, lamina::test::attrs_shape({fb.batch()}))) == Type{DType::Int32, {}});
}

TEST_CASE("leaf shapes are resolved through the dim context", "[types]") {
  Node n{Op::Iota, {}, lamina::test::attrs_shape({Dim::symbol(3), 2}), {}, {}};
  n.attrs.dtype = DType::Int64;
  DimContext ctx;
  ctx.resolve = [](Dim d) { return d.known() ? d : Dim(7); };
  CHECK(infer_type(n, {}, ctx) == Type{DType::Int64, {7, 2}});
}
