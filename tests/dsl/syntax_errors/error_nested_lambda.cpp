// Only one lambda, at the very beginning.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("a lambda inside an expression") {
  check_error("y = map(lambda v: v * 2, x)", "1:9", "nested lambdas are not part of the Lamina language");
}

TEST_CASE("a second lambda in the body") {
  check_error("lambda x: x\nlambda y: y", "2:1", "'lambda' may only start the source");
  check_error("y = 1\nlambda y: y", "2:1", "'lambda' may only start the source");
}
