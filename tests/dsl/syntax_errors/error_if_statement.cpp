// An if statement is refused with a hint towards conditional expressions.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("an if statement") {
  check_error("lambda x:\n  if x > 0:\n    return x", "2:3", "'if' statements are not part of the Lamina language");
  CHECK(lamina::test::parse_error("if x: y").hint() == "use `a if cond else b` or where(cond, a, b)");
}

TEST_CASE("else and elif on their own lines") {
  check_error("y = 1\nelse: y = 2", "2:1", "'else' statements are not part of the Lamina language");
  check_error("elif x: y", "1:1", "'elif' is not part of the Lamina language");
}

TEST_CASE("a conditional expression without 'else'") {
  check_error("y = a if c", "1:11",
              "expected 'else' in the conditional expression `a if condition else b`, found end of input");
}
