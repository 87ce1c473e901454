// 'return' must have a value and must be last.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("code after 'return' is never run") {
  check_error("lambda x:\n  return x\n  y = 2", "3:3", "code after 'return' is never run");
  check_error("return x; y", "1:11", "code after 'return' is never run");
  CHECK(lamina::test::parse_error("return x\nx").hint() == "remove it, or move the 'return' to the end");
}

TEST_CASE("a return without a value") {
  check_error("lambda x:\n  return\n", "2:9", "expected a value after 'return', found end of line");
  check_error("return; x", "1:7", "expected a value after 'return', found ';'");
}
