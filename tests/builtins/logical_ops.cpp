// logical_and/or/xor/not (numbers count as their truth value) and the
// operators & | ^ ~ and, or, not on bool tensors.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor p() { return tensor({4}, {0, 0, 1, 1}, DType::Bool); }
Tensor q() { return tensor({4}, {0, 1, 0, 1}, DType::Bool); }
}  // namespace

TEST_CASE("logical builtins on bools give truth tables", "[logical]") {
  Tensor r = eval("lambda x, y: logical_and(x, y)", p(), q());
  CHECK(r.dtype() == DType::Bool);
  expect_values(r, {4}, {0, 0, 0, 1});
  expect_values(eval("lambda x, y: logical_or(x, y)", p(), q()), {4}, {0, 1, 1, 1});
  expect_values(eval("lambda x, y: logical_xor(x, y)", p(), q()), {4}, {0, 1, 1, 0});
  expect_values(eval("logical_not(x)", p()), {4}, {1, 1, 0, 0});
}

TEST_CASE("logical builtins take the truth value of numbers", "[logical]") {
  // np.logical_and([0, -2.5, nan, 3], 1): nan is true.
  Tensor x = tensor({4}, {0, -2.5, NAN, 3});
  expect_values(eval("logical_and(x, 1)", x), {4}, {0, 1, 1, 1});
  expect_values(eval("logical_not(x)", x), {4}, {1, 0, 0, 0});
  expect_values(eval("logical_or(0, x > 2)", x), {4}, {0, 0, 0, 1});
  Tensor i = eval("logical_xor(x, 3)", tensor({3}, {0, 3, -1}, DType::Int32));
  CHECK(i.dtype() == DType::Bool);
  expect_values(i, {3}, {1, 0, 0});
}

TEST_CASE("& | ^ ~ are logical on bool tensors", "[logical][operators]") {
  expect_values(eval("lambda x, y: x & y", p(), q()), {4}, {0, 0, 0, 1});
  expect_values(eval("lambda x, y: x | y", p(), q()), {4}, {0, 1, 1, 1});
  expect_values(eval("lambda x, y: x ^ y", p(), q()), {4}, {0, 1, 1, 0});
  Tensor n = eval("~x", p());
  CHECK(n.dtype() == DType::Bool);
  expect_values(n, {4}, {1, 1, 0, 0});
  // Combining conditions, the common use.
  expect_values(eval("(x > 0) & (x < 3)", tensor({4}, {-1, 1, 2, 3})), {4}, {0, 1, 1, 0});
  expect_values(eval("(x < 0) | (x > 2)", tensor({4}, {-1, 1, 2, 3})), {4}, {1, 0, 0, 1});
}

TEST_CASE("& | ^ ~ are bitwise on int tensors", "[logical][operators]") {
  Tensor x = tensor({4}, {-7, 0, 5, 12}, DType::Int32);
  // np.int32([-7, 0, 5, 12]) & 6, | 1, ^ 3, ~
  Tensor a = eval("x & 6", x);
  CHECK(a.dtype() == DType::Int32);
  expect_values(a, {4}, {0, 0, 4, 4});
  expect_values(eval("x | 1", x), {4}, {-7, 1, 5, 13});
  expect_values(eval("x ^ 3", x), {4}, {-6, 3, 6, 15});
  expect_values(eval("~x", x), {4}, {6, -1, -6, -13});
}

TEST_CASE("and, or, not on tensors are elementwise logic", "[logical][operators]") {
  expect_values(eval("lambda x, y: x and y", p(), q()), {4}, {0, 0, 0, 1});
  expect_values(eval("lambda x, y: x or y", p(), q()), {4}, {0, 1, 1, 1});
  expect_values(eval("not x", p()), {4}, {1, 1, 0, 0});
  expect_values(eval("x > 0 and x < 3", tensor({4}, {-1, 1, 2, 3})), {4}, {0, 1, 1, 0});
  expect_values(eval("not x", tensor({3}, {0, 2, -1})), {3}, {1, 0, 0});
}

TEST_CASE("and / or short-circuit on Python values", "[logical][operators]") {
  // `False and <anything>` never evaluates its right side, as in Python.
  expect_values(eval("x * (0 and undefined_name) + 1", tensor({1}, {5})), {1}, {1});
  expect_values(eval("x * (2 or undefined_name)", tensor({1}, {5})), {1}, {10});
  expect_values(eval("x if not 0 else -x", tensor({1}, {5})), {1}, {5});
}

TEST_CASE("bitwise operators on float tensors are an error with a hint", "[logical][operators][errors]") {
  Error e = test::compile_error("x & (x > 0)", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Type);
  test::expect_error(e, "operator '&' needs bool or integer tensors, not float32", 1, 1);
  CHECK_THAT(e.hint(), Catch::Contains("(x > 0) & (y > 0)"));
  test::expect_error(test::compile_error("x | 1", {std::nullopt, 4}), "operator '|' needs bool or integer tensors", 1, 1);
  Error inv = test::compile_error("~x", {std::nullopt, 4});
  test::expect_error(inv, "operator '~' needs a bool or integer tensor, not float32", 1, 1);
  CHECK_THAT(inv.hint(), Catch::Contains("logical_not"));
  test::expect_error(test::compile_error("x + (1.5 & 1)", {std::nullopt, 4}),
                     "bitwise operators need integers or booleans, not floats", 1, 5);
}
