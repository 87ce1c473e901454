// NumPy basic indexing syntax: integers, slices, ..., None.

#include "dsl/dsl_test_util.h"

using namespace lamina;
using lamina::test::sexpr;

TEST_CASE("index items are expressions, slices, ellipses and None") {
  CHECK(sexpr("x[i]") == "(index x i)");
  CHECK(sexpr("x[:, 0]") == "(index x (slice _ _ _) 0)");
  CHECK(sexpr("x[..., 1:3]") == "(index x ... (slice 1 3 _))");
  CHECK(sexpr("x[:, ::-1]") == "(index x (slice _ _ _) (slice _ _ (- 1)))");
  CHECK(sexpr("x[:, None]") == "(index x (slice _ _ _) None)");
  CHECK(sexpr("x[1:-1, 2]") == "(index x (slice 1 (- 1) _) 2)");
  CHECK(sexpr("x[::2]") == "(index x (slice _ _ 2))");
  CHECK(sexpr("x[1:]") == "(index x (slice 1 _ _))");
  CHECK(sexpr("x[:n+1:]") == "(index x (slice _ (+ n 1) _))");
  CHECK(sexpr("x[0,]") == "(index x 0)");
}

TEST_CASE("a parenthesised tuple index is the same as a bare one") {
  CHECK(sexpr("x[(0, 1)]") == "(index x 0 1)");
  CHECK(sexpr("x[[0, 1]]") == "(index x (list 0 1))");
}

TEST_CASE("subscripts chain") {
  CHECK(sexpr("shape(x)[0]") == "(index (call shape x) 0)");
  CHECK(sexpr("x[0][1]") == "(index (index x 0) 1)");
}

TEST_CASE("slices have null components where a bound is absent, and precise spans") {
  ast::Program p = parse("x[1:, :3]");
  const ast::Expr& sub = *p.body[0].value;
  REQUIRE(sub.args.size() == 3);
  const ast::Expr& first = *sub.args[1];
  CHECK(first.kind == ast::ExprKind::Slice);
  REQUIRE(first.args.size() == 3);
  CHECK(first.args[0]);
  CHECK_FALSE(first.args[1]);
  CHECK_FALSE(first.args[2]);
  CHECK(test::where(first.span) == "1:3");
  CHECK(first.span.length == 2);
  const ast::Expr& second = *sub.args[2];
  CHECK(test::where(second.span) == "1:7");
  CHECK(second.span.length == 2);
  CHECK(sub.span.length == 9);
}
