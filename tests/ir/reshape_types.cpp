// The Reshape type rule: an inferred -1 dim, element-count checks, symbols.

#include "ir/ir_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::error_from;

namespace {

Attrs reshape_to(Shape shape, int64_t infer_axis = -1) {
  Attrs a = lamina::test::attrs_shape(std::move(shape));
  a.infer_axis = infer_axis;
  return a;
}

}  // namespace

TEST_CASE("reshape infers the -1 dim from known sizes", "[reshape]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {2, 3, 4});
  CHECK(fb.type(fb.add(Op::Reshape, {x}, reshape_to({4, 0}, 1))) == Type{DType::Float32, {4, 6}});
  CHECK(fb.type(fb.add(Op::Reshape, {x}, reshape_to({24}))) == Type{DType::Float32, {24}});
}

TEST_CASE("reshape infers the -1 dim when the batch symbol stays in place", "[reshape]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 2, 3});
  CHECK(fb.type(fb.add(Op::Reshape, {x}, reshape_to({n, 0}, 1))) == Type{DType::Float32, {n, 6}});
}

TEST_CASE("reshape gives a fresh symbol when the -1 depends on an unknown size", "[reshape]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch(), 6});
  int before = fb.f.num_symbols;
  Type t = fb.type(fb.add(Op::Reshape, {x}, reshape_to({0, 2}, 0)));
  CHECK(t.shape[0] == Dim::symbol(before));
  CHECK(t.shape[1] == Dim(2));
  CHECK(fb.f.num_symbols == before + 1);
}

TEST_CASE("reshape rejects a -1 that does not divide evenly", "[reshape]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {2, 3});
  Error e = error_from([&] { fb.add(Op::Reshape, {x}, reshape_to({4, 0}, 1), at(1, 8)); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "cannot reshape (2, 3) into (4, -1)");
  CHECK(e.span().column == 8);
}

TEST_CASE("reshape rejects a -1 next to a zero dim", "[reshape]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {0, 3});
  Error e = error_from([&] { fb.add(Op::Reshape, {x}, reshape_to({0, 0}, 1)); });
  CHECK(e.message() == "cannot reshape (0, 3) into (0, -1)");
}

TEST_CASE("reshape without -1 checks element counts when they are known", "[reshape]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {2, 3});
  Error e = error_from([&] { fb.add(Op::Reshape, {x}, reshape_to({4})); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "cannot reshape (2, 3) into (4,)");
  CHECK(e.hint() == "the input has 6 elements but the target shape holds 4");

  ValueId y = fb.input("y", DType::Float32, {n, 6});
  CHECK(fb.type(fb.add(Op::Reshape, {y}, reshape_to({n, 2, 3}))) == Type{DType::Float32, {n, 2, 3}});
  Error e2 = error_from([&] { fb.add(Op::Reshape, {y}, reshape_to({n, 4})); });
  CHECK(e2.message() == "cannot reshape (None, 6) into (None, 4)");
  // An unknown size on one side only: checked at run time instead.
  Dim m = fb.symbol();
  CHECK(fb.type(fb.add(Op::Reshape, {y}, reshape_to({m, 3}))).shape == Shape{m, 3});
}
