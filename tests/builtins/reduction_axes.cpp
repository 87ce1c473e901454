// The axis argument of reductions: out of range, repeated (also as a negative
// alias), not an integer; each error names the problem and points at the axis.

#include "builtins/support.h"

using namespace lamina;

namespace {
Error error_of(const std::string& source) { return test::compile_error(source, {std::nullopt, 4}); }
}  // namespace

TEST_CASE("an out-of-range reduction axis is an Axis error at the axis", "[reductions][axes][errors]") {
  for (const char* f : {"sum", "mean", "max", "min", "prod", "var", "std", "any", "all", "logsumexp", "norm"}) {
    INFO(f);
    std::string src = std::string(f) + "(x, axis=2)";
    Error e = error_of(src);
    CHECK(e.kind() == ErrorKind::Axis);
    test::expect_error(e, "axis 2 is out of range for a tensor of rank 2", 1, static_cast<int>(src.size()) - 1);
    CHECK(e.hint() == "valid axes are -2..1");
  }
  test::expect_error(error_of("sum(x, axis=-3)"), "axis -3 is out of range for a tensor of rank 2", 1, 13);
  test::expect_error(error_of("sum(x, axis=(0, 5))"), "axis 5 is out of range", 1, 13);
  test::expect_error(error_of("l2_normalize(x, axis=3)"), "axis 3 is out of range", 1, 22);
}

TEST_CASE("a 0-d tensor has no axes to reduce over", "[reductions][axes][errors]") {
  Error e = test::compile_error("sum(x, axis=0)", {{"x", DType::Float32, {}}});
  test::expect_error(e, "axis 0 is out of range for a tensor of rank 0", 1, 13);
  CHECK(e.hint() == "a scalar has no axes");
}

TEST_CASE("an axis given twice is an error", "[reductions][axes][errors]") {
  test::expect_error(error_of("sum(x, axis=(1, 1))"), "sum() got axis 1 twice", 1, 13);
  test::expect_error(error_of("mean(x, axis=(0, -2))"), "mean() got axis -2 twice", 1, 14);
}

TEST_CASE("an axis that is not an integer is a Call error", "[reductions][axes][errors]") {
  Error e = error_of("sum(x, axis=1.5)");
  CHECK(e.kind() == ErrorKind::Call);
  test::expect_error(e, "argument 'axis' of sum() must be an integer or a tuple of integers, but it is the number 1.5",
                     1, 13);
  test::expect_error(error_of("max(x, axis=(0, \"a\"))"),
                     "argument 'axis' of max() must hold integers, but one item is the string 'a'", 1, 17);
  test::expect_error(error_of("argmax(x, axis=(0, 1))"),
                     "argument 'axis' of argmax() must be an integer, but it is a tuple of 2 items", 1, 16);
}

TEST_CASE("reductions report misspelt keywords and extra arguments", "[reductions][axes][errors]") {
  Error e = error_of("sum(x, keepdim=True)");
  test::expect_error(e, "sum() got an unexpected keyword argument 'keepdim'", 1, 8);
  CHECK(e.hint() == "did you mean 'keepdims'? expected sum(x, axis=None, keepdims=False)");
  test::expect_error(error_of("sum(x, 1, True, 3)"), "sum() takes 3 positional arguments but 4 were given", 1, 17);
  test::expect_error(error_of("mean(x, 1, axis=0)"), "mean() got multiple values for argument 'axis'", 1, 12);
  test::expect_error(error_of("sum()"), "sum() is missing its argument 'x'", 1, 1);
}
