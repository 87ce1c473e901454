// A lambda must compute something.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("an empty source") {
  check_error("", "1:1", "the lambda body is empty");
  check_error("  # only a comment\n\n", "1:1", "the lambda body is empty");
  check_error(";;", "1:3", "the lambda body is empty");
}

TEST_CASE("a header with nothing after it points at the colon") {
  check_error("lambda x:", "1:9", "the lambda body is empty");
  check_error("lambda x, y:\n   # later\n", "1:12", "the lambda body is empty");
}
