// Argument-list mistakes: order, duplicates, unpacking.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;

TEST_CASE("a positional argument after a keyword argument") {
  check_error("mean(axis=1, x)", "1:14", "positional argument after keyword argument");
  CHECK(lamina::test::parse_error("f(a=1, b)").hint() == "put positional arguments first: f(x, axis=1)");
}

TEST_CASE("a keyword argument given twice is reported at the second") {
  check_error("mean(x, axis=1, axis=2)", "1:17", "keyword argument 'axis' is given twice");
}

TEST_CASE("argument unpacking") {
  check_error("f(*xs)", "1:3", "argument unpacking ('*' and '**') is not part of the Lamina language");
  check_error("f(x, **kw)", "1:6", "argument unpacking ('*' and '**') is not part of the Lamina language");
}
