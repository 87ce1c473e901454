// dtype rules of the unary, binary, select and cast ops.

#include "ir/ir_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::error_from;

TEST_CASE("float functions keep a float dtype and reject integers", "[types]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float64, {2});
  ValueId i = fb.input("i", DType::Int32, {2});
  for (Op op : {Op::Sqrt, Op::Exp, Op::Tanh, Op::Sigmoid, Op::Softplus, Op::Round, Op::Erf})
    CHECK(fb.type(fb.b.unary(op, x)) == Type{DType::Float64, {2}});
  Error e = error_from([&] { fb.b.unary(Op::Sqrt, i, at(1, 3)); });
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "Sqrt needs a float tensor, got int32");
  CHECK(e.span().column == 3);
}

TEST_CASE("Neg, Abs and Sign accept ints and floats but not bool", "[types]") {
  lamina::test::FunctionBuilder fb;
  ValueId i = fb.input("i", DType::Int64, {});
  ValueId p = fb.input("p", DType::Bool, {});
  CHECK(fb.type(fb.b.unary(Op::Neg, i)).dtype == DType::Int64);
  CHECK(fb.type(fb.b.unary(Op::Sign, i)).dtype == DType::Int64);
  Error e = error_from([&] { fb.b.unary(Op::Abs, p); });
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "Abs needs an integer or float tensor, got bool");
}

TEST_CASE("IsNan, IsInf and IsFinite give bool, Not keeps bool or int", "[types]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {3});
  ValueId i = fb.input("i", DType::Int32, {3});
  ValueId p = fb.input("p", DType::Bool, {3});
  CHECK(fb.type(fb.b.unary(Op::IsNan, x)) == Type{DType::Bool, {3}});
  CHECK(fb.type(fb.b.unary(Op::IsFinite, i)) == Type{DType::Bool, {3}});
  CHECK(fb.type(fb.b.unary(Op::Not, p)).dtype == DType::Bool);
  CHECK(fb.type(fb.b.unary(Op::Not, i)).dtype == DType::Int32);
  Error e = error_from([&] { fb.b.unary(Op::Not, x); });
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "Not needs a bool or integer tensor, got float32");
}

TEST_CASE("binary ops need one dtype on both sides", "[types]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {3});
  ValueId i = fb.input("i", DType::Int32, {3});
  Error e = error_from([&] { fb.b.binary(Op::Add, x, i, at(4, 2)); });
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "Add needs operands of the same dtype, got float32 and int32");
  CHECK(e.hint() == "cast one of them, e.g. cast(x, \"float32\")");
  CHECK(e.span().line == 4);
}

TEST_CASE("each binary op group accepts its dtypes", "[types]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {3});
  ValueId i = fb.input("i", DType::Int64, {3});
  ValueId p = fb.input("p", DType::Bool, {3});
  CHECK(fb.type(fb.b.binary(Op::FloorDiv, i, i)).dtype == DType::Int64);
  CHECK(fb.type(fb.b.binary(Op::Pow, x, x)).dtype == DType::Float32);
  CHECK(fb.type(fb.b.binary(Op::Atan2, x, x)).dtype == DType::Float32);
  CHECK(fb.type(fb.b.binary(Op::Lt, i, i)).dtype == DType::Bool);
  CHECK(fb.type(fb.b.binary(Op::Eq, p, p)).dtype == DType::Bool);
  CHECK(fb.type(fb.b.binary(Op::Xor, p, p)).dtype == DType::Bool);
  CHECK(fb.type(fb.b.binary(Op::And, i, i)).dtype == DType::Int64);

  CHECK(error_from([&] { fb.b.binary(Op::Div, i, i); }).message() == "Div needs a float tensor, got int64");
  CHECK(error_from([&] { fb.b.binary(Op::Or, x, x); }).message() ==
        "Or needs a bool or integer tensor, got float32");
  CHECK(error_from([&] { fb.b.binary(Op::Add, p, p); }).message() ==
        "Add needs an integer or float tensor, got bool");
}

TEST_CASE("where() needs a bool condition and branches of one dtype", "[types]") {
  lamina::test::FunctionBuilder fb;
  ValueId c = fb.input("c", DType::Bool, {3});
  ValueId x = fb.input("x", DType::Float32, {3});
  ValueId i = fb.input("i", DType::Int32, {3});
  Error e1 = error_from([&] { fb.add(Op::Select, {x, x, x}); });
  CHECK(e1.kind() == ErrorKind::Type);
  CHECK(e1.message() == "the condition of where() must be bool, got float32");
  Error e2 = error_from([&] { fb.add(Op::Select, {c, x, i}); });
  CHECK(e2.message() == "the two branches of where() must have the same dtype, got float32 and int32");
}

TEST_CASE("Cast changes only the dtype and the builder skips a cast to the same dtype", "[types]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch(), 2});
  ValueId y = fb.b.cast(x, DType::Int64);
  CHECK(fb.type(y) == Type{DType::Int64, {Dim::symbol(0), 2}});
  CHECK(fb.f.nodes[static_cast<size_t>(y)].op == Op::Cast);
  size_t count = fb.f.nodes.size();
  CHECK(fb.b.cast(y, DType::Int64) == y);
  CHECK(fb.f.nodes.size() == count);
}

TEST_CASE("the builder rejects a value that is not defined yet", "[types]") {
  lamina::test::FunctionBuilder fb;
  Error e = error_from([&] { fb.b.unary(Op::Neg, 5); });
  CHECK(e.kind() == ErrorKind::Internal);
}
