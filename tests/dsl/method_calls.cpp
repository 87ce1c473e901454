// x.sum(axis=1) is sum(x, axis=1): the receiver becomes the first argument.

#include "dsl/dsl_test_util.h"

using namespace lamina;
using lamina::test::sexpr;

TEST_CASE("a method call passes its receiver first") {
  CHECK(sexpr("x.sum(axis=1)") == "(call sum x axis=1)");
  CHECK(sexpr("x.reshape((-1, 4))") == "(call reshape x (tuple (- 1) 4))");
  CHECK(sexpr("(a + b).mean()") == "(call mean (+ a b))");
}

TEST_CASE("method calls chain left to right") {
  CHECK(sexpr("x.sum(axis=1).mean()") == "(call mean (call sum x axis=1))");
}

TEST_CASE("a method call spans from the receiver to the closing parenthesis") {
  ast::Program p = parse("y = x.sum(axis=1)");
  CHECK(test::where(p.body[0].value->span) == "1:5");
  CHECK(p.body[0].value->span.length == 13);
}

TEST_CASE("attributes without a call stay attributes") {
  CHECK(sexpr("x.T") == "(. x T)");
  CHECK(sexpr("x.shape[0]") == "(index (. x shape) 0)");
  CHECK(sexpr("x.ndim") == "(. x ndim)");
}
