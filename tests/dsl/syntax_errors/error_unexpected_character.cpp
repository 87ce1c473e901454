// Characters that are not part of the language.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("a stray ASCII character is named") {
  check_error("x = a $ b", "1:7", "unexpected character '$'");
  check_error("x = a ? b : c", "1:7", "unexpected character '?'");
  check_error("x\n  `y`", "2:3", "unexpected character '`'");
}

TEST_CASE("'!' alone gets a hint towards 'not'") {
  lamina::Error e = lamina::test::parse_error("!x");
  CHECK(e.message() == "unexpected character '!'");
  CHECK(e.hint() == "write 'not x' for logical negation and '!=' for inequality");
}

TEST_CASE("non-ASCII characters outside strings are shown whole") {
  check_error("x \xe2\x88\x92 1", "1:3", "unexpected character '\xe2\x88\x92'");  // a Unicode minus
  lamina::Error e = lamina::test::parse_error("x \xe2\x88\x92 1");
  CHECK(e.span().length == 3);
}

TEST_CASE("control bytes and invalid UTF-8 are shown as bytes") {
  check_error(std::string("x\0", 2), "1:2", "unexpected character (byte 0x00)");
  check_error("x = \xff", "1:5", "unexpected character (byte 0xFF)");
  check_error("x = \xc3", "1:5", "unexpected character (byte 0xC3)");
}

TEST_CASE("a backslash that does not end its line") {
  check_error("a + \\ b", "1:5", "unexpected character '\\'");
  check_error("a + \\", "1:5", "unexpected character '\\'");
}
