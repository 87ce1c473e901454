// Mistakes in subscripts: out-of-range indices, too many indices, two
// ellipses, zero steps, non-integer indices; each with its message and place.

#include "builtins/support.h"

using namespace lamina;

namespace {
Error error_of(const std::string& source) { return test::compile_error(source, {std::nullopt, 4}); }
}  // namespace

TEST_CASE("an index out of range is an Axis error at the index", "[indexing][errors]") {
  Error e = error_of("x[:, 4]");
  CHECK(e.kind() == ErrorKind::Axis);
  test::expect_error(e, "index 4 is out of bounds for axis 1 with size 4", 1, 6);
  CHECK(e.hint() == "valid indices are -4..3");
  test::expect_error(error_of("x[:, -5]"), "index -5 is out of bounds for axis 1 with size 4", 1, 6);
  test::expect_error(error_of("lambda x:\n  y = x[0]\n  return y[7]"), "index 7 is out of bounds for axis 0 with size 4", 3,
                     12);
  Error empty = test::compile_error("x[:, 0]", {std::nullopt, 0});
  test::expect_error(empty, "index 0 is out of bounds for axis 1 with size 0", 1, 6);
  CHECK(empty.hint() == "the axis is empty");
}

TEST_CASE("too many indices name the rank and shape", "[indexing][errors]") {
  Error e = error_of("x[0, 0, 0]");
  CHECK(e.kind() == ErrorKind::Axis);
  test::expect_error(e, "too many indices for a tensor of rank 2: 3 were given", 1, 1);
  CHECK(e.hint() == "the tensor has shape (None, 4)");
  test::expect_error(error_of("x[0, 0][0]"), "too many indices for a tensor of rank 0: 1 were given", 1, 1);
  // None and ... do not count.
  CHECK(test::output_types("x[None, 0, ..., 0, None]", {{"x", DType::Float32, {std::nullopt, 4}}}) ==
        std::vector<std::string>{"float32(1, 1)"});
}

TEST_CASE("one ellipsis at most, and no zero step", "[indexing][errors]") {
  test::expect_error(error_of("x[..., ...]"), "an index can only have a single ellipsis ('...')", 1, 1);
  Error step = error_of("x[:, ::0]");
  CHECK(step.kind() == ErrorKind::Value);
  test::expect_error(step, "slice step cannot be zero", 1, 8);
}

TEST_CASE("indices must be integers, slices, None, ... or integer tensors", "[indexing][errors]") {
  Error f = error_of("x[1.5]");
  CHECK(f.kind() == ErrorKind::Type);
  test::expect_error(f, "a tensor cannot be indexed by the number 1.5", 1, 3);
  CHECK_THAT(f.hint(), Catch::Contains("integers, slices (a:b:c), None, '...' or an integer tensor"));
  test::expect_error(error_of("x[\"a\"]"), "a tensor cannot be indexed by the string 'a'", 1, 3);
  // NumPy reads x[True] as a mask (a new axis), not as x[1]: refused rather than misread.
  test::expect_error(error_of("x[:, True]"), "a tensor cannot be indexed by True", 1, 6);
  test::expect_error(error_of("x[:, 1.5:]"), "slice bounds must be integers, but this is the number 1.5", 1, 6);
  test::expect_error(error_of("x[:shape(x)[0]]"),
                     "slice bounds must be integers, but this is a dimension known only at run time", 1, 4);
  test::expect_error(error_of("x[x]"), "index tensors must be integers, not float32", 1, 3);
  test::expect_error(error_of("x[x > 0]"), "boolean mask indexing gives a shape known only at run time", 1, 3);
}

TEST_CASE("Python values that cannot be indexed", "[indexing][errors]") {
  test::expect_error(error_of("x + (1)[0]"), "the integer 1 cannot be indexed", 1, 5);
  test::expect_error(error_of("x + shape(x)[1, 0]"), "a tuple of 2 items takes one index, not 2", 1, 5);
  test::expect_error(error_of("x + shape(x)[-3]"), "index -3 is out of range for a tuple of 2 items", 1, 14);
}
