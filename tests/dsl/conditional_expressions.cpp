// `a if cond else b`: args {then, cond, else}, lowest precedence.

#include "dsl/dsl_test_util.h"

using namespace lamina;
using lamina::test::sexpr;

TEST_CASE("a conditional expression keeps then, condition and else in order") {
  ast::Program p = parse("a if c else b");
  const ast::Expr& e = *p.body[0].value;
  CHECK(e.kind == ast::ExprKind::Conditional);
  REQUIRE(e.args.size() == 3);
  CHECK(e.args[0]->text == "a");
  CHECK(e.args[1]->text == "c");
  CHECK(e.args[2]->text == "b");
  CHECK(e.span.length == 13);
}

TEST_CASE("a conditional has the lowest precedence") {
  CHECK(sexpr("a + 1 if x > 0 or y else b * 2") == "(if (or (> x 0) y) (+ a 1) (* b 2))");
  CHECK(sexpr("f(a if c else b, axis=0)") == "(call f (if c a b) axis=0)");
  CHECK(sexpr("(a if c else b) + 1") == "(+ (if c a b) 1)");
}
