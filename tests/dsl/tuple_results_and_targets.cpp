// Tuples as results (`return a, b`), as expression statements and as assignment targets.

#include "dsl/dsl_test_util.h"

using namespace lamina;

TEST_CASE("return a, b returns a tuple without parentheses") {
  ast::Program p = parse("return a, b");
  CHECK(ast::format_sexpr(*p.body[0].value) == "(tuple a b)");
  CHECK(p.body[0].value->span.length == 4);
}

TEST_CASE("a bare a, b expression is a tuple - a trailing comma makes a 1-tuple") {
  CHECK(test::sexpr("a, b") == "(tuple a b)");
  CHECK(test::sexpr("a,") == "(tuple a)");
  CHECK(test::sexpr("(a, b)") == "(tuple a b)");
  CHECK(test::sexpr("(a,)") == "(tuple a)");
  CHECK(test::sexpr("()") == "(tuple)");
  CHECK(test::sexpr("(a)") == "a");
}

TEST_CASE("tuple targets unpack: a, b = ..., (a, b) = ... and list a, b = ...") {
  for (const char* src : {"a, b = split(x, 2)", "(a, b) = split(x, 2)", "[a, b] = split(x, 2)"}) {
    ast::Program p = parse(src);
    REQUIRE(p.body.size() == 1);
    const ast::Stmt& s = p.body[0];
    CHECK(s.kind == ast::StmtKind::Assign);
    REQUIRE(s.targets.size() == 2);
    CHECK(s.targets[0].name == "a");
    CHECK(s.targets[1].name == "b");
    CHECK(ast::format_sexpr(*s.value) == "(call split x 2)");
  }
  ast::Program p = parse("a, b = split(x, 2)");
  CHECK(test::where(p.body[0].targets[1].span) == "1:4");
}

TEST_CASE("the value of an assignment may be a tuple") {
  ast::Program p = parse("a, b = b, a");
  CHECK(ast::format_sexpr(*p.body[0].value) == "(tuple b a)");
}

TEST_CASE("a parenthesised name is a plain target") {
  ast::Program p = parse("(y) = 2");
  REQUIRE(p.body[0].targets.size() == 1);
  CHECK(p.body[0].targets[0].name == "y");
}
