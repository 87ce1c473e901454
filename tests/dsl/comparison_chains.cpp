// a < b < c means (a < b) and (b < c), with the middle operand copied.

#include "dsl/dsl_test_util.h"

using namespace lamina;
using lamina::test::sexpr;

TEST_CASE("a comparison chain becomes a conjunction of pairs") {
  CHECK(sexpr("a < b < c") == "(and (< a b) (< b c))");
  CHECK(sexpr("0 <= x < n + 1") == "(and (<= 0 x) (< x (+ n 1)))");
  CHECK(sexpr("a == b != c > d") == "(and (and (== a b) (!= b c)) (> c d))");
}

TEST_CASE("the copied middle operand keeps its span") {
  ast::Program p = parse("a < f(b) < c");
  const ast::Expr& conj = *p.body[0].value;
  REQUIRE(conj.kind == ast::ExprKind::Binary);
  CHECK(conj.op == ast::Operator::And);
  const ast::Expr& first_b = *conj.args[0]->args[1];
  const ast::Expr& second_b = *conj.args[1]->args[0];
  CHECK(&first_b != &second_b);
  CHECK(ast::format_sexpr(second_b) == "(call f b)");
  CHECK(test::where(second_b.span) == "1:5");
  CHECK(second_b.span.length == 4);
  CHECK(conj.span.length == 12);
}

TEST_CASE("a single comparison is not wrapped") {
  CHECK(sexpr("a >= b") == "(>= a b)");
}
