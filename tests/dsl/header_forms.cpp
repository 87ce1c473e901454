// The optional `lambda a, b:` header.

#include "dsl/dsl_test_util.h"

using namespace lamina;

TEST_CASE("a header names the inputs with their spans") {
  ast::Program p = parse("lambda a, b: a + b");
  CHECK(p.has_header);
  REQUIRE(p.params.size() == 2);
  CHECK(p.params[0].name == "a");
  CHECK(test::where(p.params[0].span) == "1:8");
  CHECK(p.params[1].name == "b");
  CHECK(test::where(p.params[1].span) == "1:11");
  REQUIRE(p.body.size() == 1);
  CHECK(ast::format_sexpr(*p.body[0].value) == "(+ a b)");
}

TEST_CASE("lambda: with no parameters is a constant lambda") {
  ast::Program p = parse("lambda: 3");
  CHECK(p.has_header);
  CHECK(p.params.empty());
  CHECK(ast::format_sexpr(*p.body[0].value) == "3");
}

TEST_CASE("without a header the whole source is the body") {
  ast::Program p = parse("x * 2");
  CHECK_FALSE(p.has_header);
  CHECK(p.params.empty());
  CHECK(p.source == "x * 2");
}

TEST_CASE("the body may follow the colon on the same line and on later lines") {
  ast::Program p = parse("lambda x: y = x * 2\n    return y");
  REQUIRE(p.body.size() == 2);
  CHECK(p.body[0].kind == ast::StmtKind::Assign);
  CHECK(p.body[1].kind == ast::StmtKind::Return);
  ast::Program q = parse("lambda x:\n    x + 1\n");
  REQUIRE(q.body.size() == 1);
}

TEST_CASE("comments and blank lines may precede the header - a trailing comma is fine") {
  ast::Program p = parse("# my layer\n\nlambda a, b,: a");
  CHECK(p.has_header);
  CHECK(p.params.size() == 2);
}
