// What can stand on the left of '=': plain names, or a flat tuple of them.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;
using lamina::test::parse_error;

TEST_CASE("assigning to an element of a tensor") {
  check_error("lambda x:\n  x[0] = 1", "2:3", "cannot assign to an element of a tensor");
  CHECK(parse_error("x[:, 0] = 1").hint() == "tensors are immutable; build a new one, e.g. with where(...)");
  CHECK(parse_error("x[:, 0] = 1").span().length == 7);
}

TEST_CASE("assigning to an attribute or a prefixed name") {
  check_error("x.shape = (1, 2)", "1:1", "cannot assign to an attribute");
  check_error("np.x = 1", "1:1", "cannot assign to an attribute");
}

TEST_CASE("assigning to calls, literals and expressions") {
  check_error("f(x) = 1", "1:1", "cannot assign to a function call");
  check_error("1 = x", "1:1", "cannot assign to a literal");
  check_error("None = x", "1:1", "cannot assign to a literal");
  check_error("a + b = c", "1:1", "cannot assign to an expression");
  check_error("() = x", "1:1", "cannot assign to this expression");
}

TEST_CASE("augmented assignment needs one plain name") {
  check_error("x[0] += 1", "1:1", "'+=' needs a single name on its left");
  check_error("a, b += 1", "1:1", "'+=' needs a single name on its left");
}

TEST_CASE("nested unpacking and chained assignment") {
  check_error("a, (b, c) = x", "1:4", "nested unpacking is not part of the Lamina language");
  check_error("a = b = 1", "1:7", "chained assignment (a = b = ...) is not part of the Lamina language");
}

TEST_CASE("the walrus operator") {
  check_error("y := x", "1:3", "the walrus operator ':=' is not part of the Lamina language");
  check_error("y = (z := x) + 1", "1:8", "the walrus operator ':=' is not part of the Lamina language");
}
