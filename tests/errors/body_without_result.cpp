#include "errors/compile_error.h"

using namespace lamina;
using lamina::testing::compile_error;

TEST_CASE("a body that only assigns has no result") {
  Error e = compile_error("lambda x:\n    y = x * 2");
  CHECK(e.message() == "the lambda body has no result");
  CHECK(e.hint() == "end the body with an expression or a 'return' statement, e.g. return x");
  CHECK(e.span().line == 2);
}

TEST_CASE("returning None is not a tensor result") {
  Error e = compile_error("lambda x: None");
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "a lambda result must be a tensor, but this is None");
}

TEST_CASE("unpacking the wrong number of values names both counts") {
  Error e = compile_error("lambda x:\n    a, b = split(x, 4, axis=1)\n    return a");
  CHECK(e.message() == "cannot unpack 4 values into 2 names");
  CHECK(e.span().line == 2);
}

TEST_CASE("augmented assignment to an undefined name") {
  Error e = compile_error("lambda x:\n    total += x\n    return total");
  CHECK(e.kind() == ErrorKind::Name);
  CHECK(e.message() == "'total' is updated with '+=' before it has a value");
  CHECK(e.span().line == 2);
  CHECK(e.span().column == 5);
}
