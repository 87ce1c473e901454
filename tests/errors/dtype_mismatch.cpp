#include "errors/compile_error.h"

using namespace lamina;
using lamina::testing::compile_error;

TEST_CASE("a bitwise operator on floats explains how to combine conditions") {
  Error e = compile_error("x & x");
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "operator '&' needs bool or integer tensors, not float32");
  CHECK(e.hint() == "to combine conditions, compare first, e.g. (x > 0) & (y > 0)");
  CHECK(e.span().column == 1);
}

TEST_CASE("an unknown dtype name lists the supported ones") {
  Error e = compile_error("cast(x, 'float16')");
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "unknown dtype 'float16'");
  CHECK(e.hint() == "supported dtypes: float32, float64, int32, int64, bool");
  CHECK(e.span().column == 9);
}

TEST_CASE("an integer power with a negative exponent is refused") {
  Error e = compile_error("x ** -1", {{"x", DType::Int32, {3}}});
  CHECK(e.kind() == ErrorKind::Value);
  CHECK(e.message() == "integers to negative integer powers are not allowed");
}
