// Calls with positional then keyword arguments.

#include "dsl/dsl_test_util.h"

using namespace lamina;
using lamina::test::sexpr;

TEST_CASE("keyword arguments follow positional ones") {
  CHECK(sexpr("mean(x, axis=1, keepdims=True)") == "(call mean x axis=1 keepdims=True)");
  CHECK(sexpr("f()") == "(call f)");
  CHECK(sexpr("f(x,)") == "(call f x)");
  CHECK(sexpr("f(axis=(0, 1))") == "(call f axis=(tuple 0 1))");
  CHECK(sexpr("cast(x, 'int32')") == "(call cast x 'int32')");
}

TEST_CASE("a keyword keeps its name's span and its value") {
  ast::Program p = parse("mean(x, axis=-1)");
  const ast::Expr& call = *p.body[0].value;
  REQUIRE(call.keywords.size() == 1);
  CHECK(call.keywords[0].name == "axis");
  CHECK(test::where(call.keywords[0].span) == "1:9");
  CHECK(call.keywords[0].span.length == 4);
  CHECK(ast::format_sexpr(*call.keywords[0].value) == "(- 1)");
}

TEST_CASE("== inside an argument is a comparison, not a keyword") {
  CHECK(sexpr("where(x == 0, a, b)") == "(call where (== x 0) a b)");
}
