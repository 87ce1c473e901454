// NumPy broadcasting of static shapes, with unknown (symbolic) dims.

#include "ir/ir_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::error_from;

namespace {

struct Counter {
  int next = 10;
  DimContext ctx;
  Counter() { ctx.fresh = [this] { return Dim::symbol(next++); }; }
};

}  // namespace

TEST_CASE("broadcasting right-aligns shapes and stretches size-1 dims", "[broadcast]") {
  Counter c;
  CHECK(broadcast_shapes({2, 3}, {3}, c.ctx, {}) == Shape{2, 3});
  CHECK(broadcast_shapes({4, 1, 5}, {3, 1}, c.ctx, {}) == Shape{4, 3, 5});
  CHECK(broadcast_shapes({}, {2, 2}, c.ctx, {}) == Shape{2, 2});
  CHECK(broadcast_shapes({0, 1}, {1, 7}, c.ctx, {}) == Shape{0, 7});
}

TEST_CASE("broadcasting keeps a symbol against 1 and itself, and takes a known size over a symbol", "[broadcast]") {
  Counter c;
  Dim n = Dim::symbol(0);
  CHECK(broadcast_shapes({n, 3}, {1, 3}, c.ctx, {}) == Shape{n, 3});
  CHECK(broadcast_shapes({n, 3}, {n, 1}, c.ctx, {}) == Shape{n, 3});
  CHECK(broadcast_shapes({n}, {4}, c.ctx, {}) == Shape{4});
  CHECK(c.next == 10);  // no new symbol needed
}

TEST_CASE("broadcasting two different symbols makes a fresh symbol", "[broadcast]") {
  Counter c;
  Shape s = broadcast_shapes({Dim::symbol(0)}, {Dim::symbol(1)}, c.ctx, {});
  REQUIRE(s.size() == 1);
  CHECK(s[0] == Dim::symbol(10));
  CHECK(c.next == 11);
}

TEST_CASE("broadcasting incompatible sizes names both shapes and the dimension", "[broadcast]") {
  Counter c;
  Error e = error_from([&] { broadcast_shapes({Dim::symbol(0), 3}, {4}, c.ctx, at(2, 5)); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "shapes (None, 3) and (4,) cannot be broadcast");
  CHECK_THAT(e.hint(), Catch::StartsWith("dimension 1: 3 vs 4"));
  CHECK(e.span().line == 2);
  CHECK(e.span().column == 5);
}

TEST_CASE("a binary op's shape is the broadcast of its operands", "[broadcast]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch(), 3});
  ValueId y = fb.input("y", DType::Float32, {1, 3});
  ValueId z = fb.b.binary(Op::Add, x, y);
  CHECK(fb.type(z) == Type{DType::Float32, {Dim::symbol(0), 3}});
  Error e = error_from([&] {
    ValueId w = fb.input("w", DType::Float32, {2});
    fb.b.binary(Op::Mul, x, w, at(1, 12));
  });
  CHECK(e.message() == "shapes (None, 3) and (2,) cannot be broadcast");
  CHECK(e.span().column == 12);
}

TEST_CASE("where() broadcasts all three operands and names them on failure", "[broadcast]") {
  lamina::test::FunctionBuilder fb;
  ValueId c = fb.input("c", DType::Bool, {2, 1});
  ValueId a = fb.input("a", DType::Int32, {3});
  ValueId b = fb.input("b", DType::Int32, {1, 3});
  CHECK(fb.type(fb.add(Op::Select, {c, a, b})) == Type{DType::Int32, {2, 3}});
  ValueId d = fb.input("d", DType::Int32, {4});
  Error e = error_from([&] { fb.add(Op::Select, {c, a, d}); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "shapes (2, 1), (3,) and (4,) cannot be broadcast");
  CHECK_THAT(e.hint(), Catch::StartsWith("dimension 1: 1 vs 3 vs 4"));
}
