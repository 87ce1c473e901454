// for / while loops are refused with a hint towards reductions.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("a for loop") {
  check_error("lambda x:\n  for i in range(3):\n    x = x + 1", "2:3", "'for' is not supported");
  CHECK(lamina::test::parse_error("for i in x: y").hint() ==
        "loops are not part of the Lamina language; use reductions such as sum(x, axis=...) or cumsum");
}

TEST_CASE("a while loop") {
  check_error("while x < 3: x += 1", "1:1", "'while' is not supported");
}

TEST_CASE("a comprehension is reported at its 'for'") {
  check_error("y = [v * 2 for v in x]", "1:12", "'for' is not supported");
  check_error("sum(v for v in x)", "1:7", "'for' is not supported");
}

TEST_CASE("break and continue") {
  check_error("break", "1:1", "'break' is not part of the Lamina language");
  check_error("continue", "1:1", "'continue' is not part of the Lamina language");
}
