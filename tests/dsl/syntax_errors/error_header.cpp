// Malformed `lambda ...:` headers.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("a duplicate parameter is reported at its second occurrence") {
  check_error("lambda x, y, x: x", "1:14", "duplicate parameter 'x'");
}

TEST_CASE("parameters must be names separated by commas, ending with ':'") {
  check_error("lambda x y: x", "1:10", "expected ':' after the lambda parameters, found 'y'");
  CHECK(lamina::test::parse_error("lambda x y: x").hint() == "separate parameters with ','");
  check_error("lambda x", "1:9", "expected ':' after the lambda parameters, found end of input");
  check_error("lambda (x): x", "1:8", "expected a parameter name or ':' after 'lambda', found '('");
  check_error("lambda 1: x", "1:8", "expected a parameter name or ':' after 'lambda', found '1'");
}

TEST_CASE("defaults and star parameters are refused") {
  check_error("lambda x, k=2: x * k", "1:12", "parameter default values are not part of the Lamina language");
  check_error("lambda *xs: xs", "1:8", "'*args' and '**kwargs' parameters are not part of the Lamina language");
}
