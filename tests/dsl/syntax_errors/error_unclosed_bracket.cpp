// An unclosed bracket names the opening bracket and what was found instead.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("a missing ')' at the end of input points just after the last token") {
  check_error("mean(x, ", "1:8", "expected ')' to close '(' at 1:5, found end of input");
  check_error("y = mean(x", "1:11", "expected ')' to close '(' at 1:9, found end of input");
  check_error("y = (a +\n  b\n", "2:4", "expected ')' to close '(' at 1:5, found end of input");
}

TEST_CASE("a missing closer after a trailing comma is still reported as the open bracket") {
  check_error("f(x, ]", "1:6", "expected ')' to close '(' at 1:2, found ']'");
  check_error("y = [a, b,", "1:11", "expected ']' to close '[' at 1:5, found end of input");
  check_error("y = (a, b,", "1:11", "expected ')' to close '(' at 1:5, found end of input");
  check_error("x[0, ", "1:5", "expected ']' to close '[' at 1:2, found end of input");
}

TEST_CASE("a wrong closing bracket is named") {
  check_error("f(x]", "1:4", "expected ')' to close '(' at 1:2, found ']'");
  check_error("x[0)", "1:4", "expected ']' to close '[' at 1:2, found ')'");
  check_error("[1, 2", "1:6", "expected ']' to close '[' at 1:1, found end of input");
  check_error("(1, 2", "1:6", "expected ')' to close '(' at 1:1, found end of input");
}

TEST_CASE("a missing comma between arguments") {
  check_error("f(a b)", "1:5", "expected ')' to close '(' at 1:2, found 'b'");
}

TEST_CASE("'=' where a comparison was meant gets a hint") {
  lamina::Error e = lamina::test::parse_error("where(x + 1 = 0, a)");
  CHECK(e.message() == "expected ')' to close '(' at 1:6, found '='");
  CHECK(lamina::test::where(e.span()) == "1:13");
  CHECK(e.hint() == "to compare, write '=='");
}
