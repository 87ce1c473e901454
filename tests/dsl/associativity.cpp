// Left associativity for binary operators; right associativity for ** and conditionals.

#include "dsl/dsl_test_util.h"

using lamina::test::sexpr;

TEST_CASE("binary operators associate to the left") {
  CHECK(sexpr("a - b - c") == "(- (- a b) c)");
  CHECK(sexpr("a / b / c") == "(/ (/ a b) c)");
  CHECK(sexpr("a @ b @ c") == "(@ (@ a b) c)");
  CHECK(sexpr("a and b and c") == "(and (and a b) c)");
  CHECK(sexpr("a or b or c") == "(or (or a b) c)");
  CHECK(sexpr("a | b | c") == "(| (| a b) c)");
}

TEST_CASE("** associates to the right") {
  CHECK(sexpr("a ** b ** c") == "(** a (** b c))");
  CHECK(sexpr("2 ** -x ** 2") == "(** 2 (- (** x 2)))");
}

TEST_CASE("conditional expressions associate to the right") {
  CHECK(sexpr("a if b else c if d else e") == "(if b a (if d c e))");
}
