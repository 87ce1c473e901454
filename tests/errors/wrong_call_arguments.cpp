#include "errors/compile_error.h"

using namespace lamina;
using lamina::testing::compile_error;

TEST_CASE("an unexpected keyword names the builtin and suggests the right keyword") {
  Error e = compile_error("mean(x, axes=1)");
  CHECK(e.kind() == ErrorKind::Call);
  CHECK(e.message() == "mean() got an unexpected keyword argument 'axes'");
  CHECK(e.span().column == 9);
  CHECK(e.hint() == "did you mean 'axis'? expected mean(x, axis=None, keepdims=False)");
}

TEST_CASE("too many positional arguments show the expected signature") {
  Error e = compile_error("exp(x, 2)");
  CHECK(e.message() == "exp() takes 1 positional argument but 2 were given");
  CHECK(e.span().column == 8);
  CHECK(e.hint() == "expected exp(x)");
}

TEST_CASE("a missing required argument is named") {
  Error e = compile_error("reshape(x)");
  CHECK(e.message() == "reshape() is missing its argument 'newshape'");
  CHECK(e.span().column == 1);
}

TEST_CASE("an argument given twice is reported at the keyword") {
  Error e = compile_error("sum(x, 1, axis=1)");
  CHECK(e.message() == "sum() got multiple values for argument 'axis'");
  CHECK(e.span().column == 11);
}

TEST_CASE("an argument of the wrong kind says what was expected") {
  Error e = compile_error("sum(x, axis='rows')");
  CHECK(e.message() == "argument 'axis' of sum() must be an integer or a tuple of integers, but it is the string 'rows'");
  CHECK(e.span().column == 13);
}

TEST_CASE("calling a variable says it is not a function") {
  Error e = compile_error("lambda x:\n    y = x\n    return y(1)");
  CHECK(e.message() == "'y' is a float32 tensor of shape (None, 4), not a function");
  CHECK(e.span().line == 3);
}
