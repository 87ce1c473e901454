// A string left open at the end of its line.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("an unterminated string is reported at its opening quote") {
  check_error("cast(x, 'int32)", "1:9", "unterminated string");
  check_error("a = 1\ncast(x, \"int32\n)", "2:9", "unterminated string");
  lamina::Error e = lamina::test::parse_error("'abc");
  CHECK(e.span().length == 4);
  CHECK(e.hint() == "close the string with ' on the same line");
}

TEST_CASE("a backslash before the end of input does not close a string") {
  check_error("'abc\\", "1:1", "unterminated string");
}

TEST_CASE("triple-quoted strings are refused") {
  check_error("x = '''doc'''", "1:5", "triple-quoted strings are not part of the Lamina language");
}
