// Malformed numeric literals.

#include "dsl/dsl_test_util.h"

using lamina::ErrorKind;
using lamina::test::check_error;

TEST_CASE("an exponent without digits") {
  check_error("x * 1e", "1:5", "invalid number '1e': the exponent has no digits");
  check_error("x * 2.5e+", "1:5", "invalid number '2.5e+': the exponent has no digits");
}

TEST_CASE("letters glued to a number") {
  check_error("x * 2j", "1:5", "invalid number '2j'");
  CHECK(lamina::test::parse_error("x * 2j").hint() == "complex numbers are not part of the Lamina language");
  check_error("x * 3abc", "1:5", "invalid number '3abc'");
  check_error("0x1g", "1:1", "invalid number '0x1g'");
}

TEST_CASE("a radix prefix without digits") {
  check_error("0x", "1:1", "invalid number '0x': no digits after the prefix");
}

TEST_CASE("misplaced underscores") {
  check_error("1__000", "1:2", "invalid number: '_' must stand between two digits");
  check_error("1_", "1:2", "invalid number: '_' must stand between two digits");
}

TEST_CASE("leading zeros, as in Python 3") {
  check_error("x[012]", "1:3", "invalid number '012': leading zeros are not allowed");
}

TEST_CASE("integers that do not fit in int64 are a Value error") {
  check_error("x * 9223372036854775808", "1:5", "integer literal '9223372036854775808' is too large",
              ErrorKind::Value);
  check_error("0x10000000000000000", "1:1", "integer literal '0x10000000000000000' is too large",
              ErrorKind::Value);
}
