// Python operator precedence, checked through the s-expression of each parse.

#include "dsl/dsl_test_util.h"

using lamina::test::sexpr;

TEST_CASE("multiplicative operators bind tighter than additive ones") {
  CHECK(sexpr("a + b * c") == "(+ a (* b c))");
  CHECK(sexpr("a * b + c") == "(+ (* a b) c)");
  CHECK(sexpr("a - b / c // d % e @ f") == "(- a (@ (% (// (/ b c) d) e) f))");
}

TEST_CASE("unary minus binds tighter than * but looser than **") {
  CHECK(sexpr("-a * b") == "(* (- a) b)");
  CHECK(sexpr("-x**2") == "(- (** x 2))");
  CHECK(sexpr("~a + +b") == "(+ (~ a) (+ b))");
  CHECK(sexpr("2**-1") == "(** 2 (- 1))");
  CHECK(sexpr("- -a") == "(- (- a))");
}

TEST_CASE("bitwise operators: & over ^ over |, all below arithmetic") {
  CHECK(sexpr("a | b ^ c & d") == "(| a (^ b (& c d)))");
  CHECK(sexpr("a & b + c") == "(& a (+ b c))");
  CHECK(sexpr("a & b | c") == "(| (& a b) c)");
}

TEST_CASE("comparisons sit between bitwise and logical operators") {
  CHECK(sexpr("a | b == c") == "(== (| a b) c)");
  CHECK(sexpr("a < b and c >= d") == "(and (< a b) (>= c d))");
  CHECK(sexpr("a + 1 != b * 2") == "(!= (+ a 1) (* b 2))");
}

TEST_CASE("not binds tighter than and, which binds tighter than or") {
  CHECK(sexpr("not a and b or c") == "(or (and (not a) b) c)");
  CHECK(sexpr("a or b and c") == "(or a (and b c))");
  CHECK(sexpr("not a == b") == "(not (== a b))");
  CHECK(sexpr("not not a") == "(not (not a))");
}

TEST_CASE("postfix calls, subscripts and attributes bind tightest") {
  CHECK(sexpr("-x[0] ** 2") == "(- (** (index x 0) 2))");
  CHECK(sexpr("-f(x).T") == "(- (. (call f x) T))");
}

TEST_CASE("parentheses override precedence") {
  CHECK(sexpr("(a + b) * c") == "(* (+ a b) c)");
  CHECK(sexpr("(-x)**2") == "(** (- x) 2)");
}
