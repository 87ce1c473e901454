#include "errors/compile_error.h"

using namespace lamina;
using lamina::testing::compile_error;

TEST_CASE("an unknown name is reported at its position with a did-you-mean") {
  Error e = compile_error("lambda x:\n    y = x * 2\n    return yy + 1");
  CHECK(e.kind() == ErrorKind::Name);
  CHECK(e.message() == "unknown name 'yy'");
  CHECK(e.span().line == 3);
  CHECK(e.span().column == 12);
  CHECK(e.hint() == "did you mean 'y'?");
}

TEST_CASE("an unknown function suggests the closest builtin") {
  Error e = compile_error("x - meen(x, axis=1)");
  CHECK(e.kind() == ErrorKind::Name);
  CHECK(e.message() == "unknown function 'meen'");
  CHECK(e.span().line == 1);
  CHECK(e.span().column == 5);
  CHECK(e.hint() == "did you mean 'mean'?");
}

TEST_CASE("the formatted error quotes the source line with a caret under the name") {
  Error e = compile_error("lambda x:\n    return x + undefined_thing");
  std::string what = e.what();
  CHECK(what.find("2:16: error: unknown name 'undefined_thing'") != std::string::npos);
  CHECK(what.find("\n        return x + undefined_thing\n") != std::string::npos);  // quoted with 4 spaces
  CHECK(what.find("\n                   ^~~~~~~~~~~~~~~") != std::string::npos);   // 4 + 15 columns
}

TEST_CASE("a builtin used as a value says to call it") {
  Error e = compile_error("x * mean");
  CHECK(e.message() == "'mean' is a function, not a value");
  CHECK(e.span().column == 5);
}
