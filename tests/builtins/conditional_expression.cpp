// `a if c else b`: a Python condition picks a branch at compile time (the
// other is never evaluated); a tensor condition becomes where(c, a, b).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({4}, {-2, -1, 1, 2}); }
}  // namespace

TEST_CASE("a Python condition picks one branch", "[operators][conditional]") {
  expect_values(eval("x * 2 if True else x", x()), {4}, {-4, -2, 2, 4});
  expect_values(eval("x * 2 if 0 else -x", x()), {4}, {2, 1, -1, -2});
  expect_values(eval("x if None else -x", x()), {4}, {2, 1, -1, -2});
  expect_values(eval("x if ndim(x) == 1 else -x", x()), {4}, {-2, -1, 1, 2});
  // The branch not taken is not evaluated: its unknown name is no error.
  expect_values(eval("x if 1 > 0 else undefined_name", x()), {4}, {-2, -1, 1, 2});
}

TEST_CASE("the condition can come from layer arguments", "[operators][conditional]") {
  std::map<std::string, Argument> args = {{"use_abs", Argument(true)}};
  auto f = Lambda::compile("lambda x, use_abs: abs(x) if use_abs else x", {{"x", DType::Float32, {4}}}, args);
  expect_values(f.run({x()})[0], {4}, {2, 1, 1, 2});
}

TEST_CASE("a tensor condition selects elementwise", "[operators][conditional]") {
  expect_values(eval("x if x > 0 else -x", x()), {4}, {2, 1, 1, 2});
  expect_values(eval("x if x > 0 else 0", x()), {4}, {0, 0, 1, 2});
  Tensor mixed = eval("1 if x > 0 else 0.5", x());
  CHECK(mixed.dtype() == DType::Float32);
  expect_values(mixed, {4}, {0.5, 0.5, 1, 1});
  // Conditional expressions nest to the right.
  expect_values(eval("-1 if x < -1 else 1 if x > 1 else 0", x()), {4}, {-1, 0, 0, 1});
}

TEST_CASE("a tensor condition broadcasts with its branches", "[operators][conditional]") {
  Tensor c = tensor({2, 1}, {1, 0}, DType::Bool);
  expect_values(eval("lambda x, y: y if x else -y", c, tensor({2}, {3, 4})), {2, 2}, {3, 4, -3, -4});
}

TEST_CASE("incompatible branches are a shape error", "[operators][conditional][errors]") {
  Error e = test::compile_error("x if x > 0 else x[:, :2]", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.span().line == 1);
}
