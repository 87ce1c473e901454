// A missing operand says an expression was expected and what was found.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("an operator without its right operand") {
  check_error("x + * 2", "1:5", "expected an expression, found '*'");
  check_error("y = x +", "1:8", "expected an expression, found end of input");
  check_error("y = x +\nz = 1", "1:8", "expected an expression, found end of line");
  check_error("f())", "1:4", "expected a new line or ';' after the statement, found ')'");
  check_error(")", "1:1", "expected an expression, found ')'");
  check_error("x +=", "1:5", "expected an expression, found end of input");
}

TEST_CASE("an empty index") {
  check_error("x[]", "1:3", "expected an index, found ']'");
}

TEST_CASE("an attribute needs a name after the dot") {
  check_error("x.", "1:3", "expected an attribute name after '.', found end of input");
  check_error("x.1", "1:2", "expected a new line or ';' after the statement, found '.1'");
}

TEST_CASE("two expressions in a row") {
  check_error("y = a b", "1:7", "expected a new line or ';' after the statement, found 'b'");
}
