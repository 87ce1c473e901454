#include "errors/compile_error.h"

using namespace lamina;
using lamina::testing::compile_error;

TEST_CASE("an axis out of range names the rank and the valid range") {
  Error e = compile_error("sum(x, axis=2)");
  CHECK(e.kind() == ErrorKind::Axis);
  CHECK(e.message() == "axis 2 is out of range for a tensor of rank 2");
  CHECK(e.hint() == "valid axes are -2..1");
  CHECK(e.span().column == 13);
}

TEST_CASE("a negative axis below -rank is out of range") {
  Error e = compile_error("softmax(x, axis=-3)");
  CHECK(e.kind() == ErrorKind::Axis);
  CHECK(e.message() == "axis -3 is out of range for a tensor of rank 2");
}

TEST_CASE("an index out of bounds on a known axis is caught before run time") {
  Error e = compile_error("x[:, 4]");
  CHECK(e.kind() == ErrorKind::Axis);
  CHECK(e.message() == "index 4 is out of bounds for axis 1 with size 4");
  CHECK(e.hint() == "valid indices are -4..3");
  CHECK(e.span().column == 6);
}

TEST_CASE("too many indices name the rank") {
  Error e = compile_error("x[0, 1, 2]");
  CHECK(e.message() == "too many indices for a tensor of rank 2: 3 were given");
}
