// 'in', 'not in', 'is' and 'is not' are refused with hints.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("'is' and 'is not'") {
  check_error("y = x is None", "1:7", "'is' is not part of the Lamina language");
  check_error("y = x is not None", "1:7", "'is' is not part of the Lamina language");
  CHECK(lamina::test::parse_error("a is b").hint() == "compare values with == or !=");
}

TEST_CASE("'in' and 'not in'") {
  check_error("y = 1 in x", "1:7", "'in' is not part of the Lamina language");
  check_error("y = 1 not in x", "1:7", "'not in' is not part of the Lamina language");
  check_error("y = a < b in c", "1:11", "'in' is not part of the Lamina language");
}
