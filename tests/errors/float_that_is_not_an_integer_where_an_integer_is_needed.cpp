// Found by tests/fuzz/fuzz_front_end: a float that no int64 holds (nan, inf, 1e30) passed
// where an integer is needed was converted to int64 before being checked, which is
// undefined behaviour (UBSan: "nan is outside the range of representable values of type
// 'long'" in CallArgs::integer). It must be refused like any other non-integer float.
// Without the fix these checks still pass in a plain build; a clang LAMINA_SANITIZE build
// aborts (GCC's -fsanitize=undefined does not include float-cast-overflow).

#include "errors/compile_error.h"

using namespace lamina;
using lamina::testing::compile_error;

TEST_CASE("a NaN axis is refused as not an integer") {
  Error e = compile_error("split(x, 2, axis=nan)");
  CHECK(e.kind() == ErrorKind::Call);
  CHECK(e.message() == "argument 'axis' of split() must be an integer, but it is the number nan");
  CHECK(e.span().column == 18);
}

TEST_CASE("an infinite axis is refused as not an integer") {
  Error e = compile_error("split(x, 2, axis=-inf)");
  CHECK(e.kind() == ErrorKind::Call);
  CHECK(e.message() == "argument 'axis' of split() must be an integer, but it is the number -inf");
}

TEST_CASE("a float count beyond int64 is refused as not an integer") {
  Error e = compile_error("repeat(x, 1e30, axis=1)");
  CHECK(e.kind() == ErrorKind::Call);
  CHECK(e.message() == "argument 'repeats' of repeat() must be an integer, but it is the number 1e+30");
}

TEST_CASE("a computed NaN is refused like a literal one") {
  Error e = compile_error("split(x, 2, axis=nan - 1)");
  CHECK(e.kind() == ErrorKind::Call);
  CHECK(e.message() == "argument 'axis' of split() must be an integer, but it is the number nan");
}
