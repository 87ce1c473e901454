// '#' comments, backslash continuations, and blank lines.

#include "dsl/dsl_test_util.h"

using namespace lamina;

TEST_CASE("comments run to the end of the line") {
  ast::Program p = parse("# leading\nlambda x:  # header\n  y = x # why\n  # only a comment\n  return y # done");
  REQUIRE(p.body.size() == 2);
  CHECK(p.body[1].kind == ast::StmtKind::Return);
}

TEST_CASE("a '#' inside a string is not a comment") {
  CHECK(test::sexpr("f('#x')") == "(call f '#x')");
}

TEST_CASE("a trailing backslash joins two lines into one statement") {
  ast::Program p = parse("y = a + \\\n    b\nreturn y");
  REQUIRE(p.body.size() == 2);
  CHECK(ast::format_sexpr(*p.body[0].value) == "(+ a b)");
  CHECK(test::where(p.body[0].value->args[1]->span) == "2:5");
  ast::Program q = parse("y = a + \\\r\n    b");
  REQUIRE(q.body.size() == 1);
}

TEST_CASE("newlines inside brackets do not end a statement") {
  ast::Program p = parse("y = f(a,  # first\n      b)\nreturn y");
  REQUIRE(p.body.size() == 2);
  CHECK(ast::format_sexpr(*p.body[0].value) == "(call f a b)");
}
