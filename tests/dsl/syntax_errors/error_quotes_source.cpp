// Errors from parse() quote the offending line with a caret, as the CLI prints them.

#include "dsl/dsl_test_util.h"

TEST_CASE("what() of a parse error holds position, message, quoted line and caret") {
  lamina::Error e = lamina::test::parse_error("lambda x:\n  y = x + * 2\n  return y");
  CHECK(std::string(e.what()) ==
        "2:11: error: expected an expression, found '*'\n"
        "      y = x + * 2\n"
        "    " + std::string(10, ' ') + "^");
}

TEST_CASE("the hint comes last") {
  lamina::Error e = lamina::test::parse_error("x[0] = 1");
  CHECK(std::string(e.what()) ==
        "1:1: error: cannot assign to an element of a tensor\n"
        "    x[0] = 1\n"
        "    ^~~~\n"
        "hint: tensors are immutable; build a new one, e.g. with where(...)");
}
