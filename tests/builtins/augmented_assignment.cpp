// Augmented assignment `+= -= *= /= **=` (and //= %=): the same rules as the
// binary operators, applied to the name's current value.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("augmented assignment updates a name", "[operators][augmented]") {
  std::string body = "lambda x:\n  y = x\n  y += 1\n  y *= 2\n  y -= x\n  y /= 2\n  y **= 2\n  return y";
  // ((x + 1) * 2 - x) / 2 = (x + 2) / 2; squared.
  expect_values(eval(body, tensor({3}, {0, 2, 4})), {3}, {1, 4, 9});
  expect_values(eval("x += 1; x", tensor({2}, {1, 2})), {2}, {2, 3});
}

TEST_CASE("augmented assignment follows the operators' dtype rules", "[operators][augmented]") {
  Tensor i = tensor({2}, {3, -3}, DType::Int32);
  Tensor a = eval("x *= 2; x", i);
  CHECK(a.dtype() == DType::Int32);
  expect_values(a, {2}, {6, -6});
  Tensor b = eval("x /= 2; x", i);
  CHECK(b.dtype() == DType::Float32);
  expect_values(b, {2}, {1.5, -1.5});
  expect_values(eval("x //= 2; x", i), {2}, {1, -2});
  expect_values(eval("x %= 2; x", i), {2}, {1, 1});
}

TEST_CASE("augmented assignment broadcasts like the operator", "[operators][augmented]") {
  std::string body = "lambda x:\n  x -= mean(x, axis=1, keepdims=True)\n  return x";
  expect_values(eval(body, tensor({2, 2}, {1, 3, 10, 20})), {2, 2}, {-1, 1, -5, 5});
}

TEST_CASE("augmenting a name without a value is an error at the name", "[operators][augmented][errors]") {
  Error e = test::compile_error("lambda x:\n  y += 1\n  return x", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Name);
  test::expect_error(e, "'y' is updated with '+=' before it has a value", 2, 3);
  CHECK(e.hint() == "assign it first, e.g. y = ...");
}
