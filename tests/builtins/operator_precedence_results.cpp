// Operators evaluate with Python precedence and associativity: the values
// of mixed expressions (the parse itself is tested in tests/dsl).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({3}, {1, 2, 3}); }
}  // namespace

TEST_CASE("** binds tighter than unary minus and * tighter than +", "[operators][precedence]") {
  expect_values(eval("-x ** 2", x()), {3}, {-1, -4, -9});
  expect_values(eval("(-x) ** 2", x()), {3}, {1, 4, 9});
  expect_values(eval("1 + 2 * x ** 2", x()), {3}, {3, 9, 19});
  expect_values(eval("2 * x + x / 2", x()), {3}, {2.5, 5, 7.5});
  expect_values(eval("x - 1 - 1", x()), {3}, {-1, 0, 1});
  expect_values(eval("x / 2 / 2", x()), {3}, {0.25, 0.5, 0.75});
}

TEST_CASE("** is right-associative", "[operators][precedence]") {
  // 2 ** (3 ** 2) = 512, not (2 ** 3) ** 2 = 64.
  expect_values(eval("x * 0 + 2 ** 3 ** 2", x()), {3}, {512, 512, 512});
  expect_values(eval("2 ** x ** 2", x()), {3}, {2, 16, 512});
  expect_values(eval("2 ** -x", x()), {3}, {0.5, 0.25, 0.125});
}

TEST_CASE("comparisons bind looser than arithmetic and & tighter than comparisons", "[operators][precedence]") {
  expect_values(eval("x + 1 > 2 * x - 1", x()), {3}, {1, 0, 0});
  expect_values(eval("(x > 1) & (x < 3)", x()), {3}, {0, 1, 0});
  expect_values(eval("x > 1 and x < 3", x()), {3}, {0, 1, 0});
  expect_values(eval("not x > 2", x()), {3}, {1, 1, 0});
  expect_values(eval("x > 2 or x < 2", x()), {3}, {1, 0, 1});
}

TEST_CASE("// and % share the precedence of *", "[operators][precedence]") {
  expect_values(eval("x * 3 // 2 % 2", x()), {3}, {1, 1, 0});
  expect_values(eval("x + 7 % 4 * 2", x()), {3}, {7, 8, 9});
}

TEST_CASE("unary plus and minus on tensors and scalars", "[operators][precedence]") {
  expect_values(eval("+x", x()), {3}, {1, 2, 3});
  expect_values(eval("- -x", x()), {3}, {1, 2, 3});
  expect_values(eval("x * -1", x()), {3}, {-1, -2, -3});
  Tensor i = eval("-x", tensor({2}, {5, -6}, DType::Int32));
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {2}, {-5, 6});
}

TEST_CASE("the constants pi, e, inf and nan", "[operators]") {
  expect_values(eval("x * 0 + pi", x()), {3}, {3.14159265, 3.14159265, 3.14159265});
  expect_values(eval("x * 0 + e", x()), {3}, {2.71828183, 2.71828183, 2.71828183});
  expect_values(eval("minimum(x, inf)", x()), {3}, {1, 2, 3});
  expect_values(eval("x + -inf", x()), {3}, {-INFINITY, -INFINITY, -INFINITY});
  expect_values(eval("x + nan", x()), {3}, {NAN, NAN, NAN});
}
