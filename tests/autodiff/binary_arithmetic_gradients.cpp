// Gradients of the binary arithmetic builtins with respect to both operands,
// against central differences, with and without broadcasting.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

TEST_CASE("gradients of binary arithmetic match finite differences for both operands") {
  Random rng(11);
  struct Case {
    const char* source;
    double lo, hi;
  };
  for (Case c : {Case{"lambda x, y: x + y", -2, 2}, {"lambda x, y: x - y", -2, 2}, {"lambda x, y: x * y", -2, 2},
                 {"lambda x, y: x / y", 0.5, 2}, {"lambda x, y: x ** y", 0.5, 2}, {"lambda x, y: power(x, y)", 0.5, 2},
                 {"lambda x, y: arctan2(x, y)", 0.3, 2}, {"lambda x, y: arctan2(-x, y)", 0.3, 2},
                 {"lambda x, y: x % y", 0.3, 2}, {"lambda x, y: mod(-x, y)", 0.3, 2}}) {
    DYNAMIC_SECTION(c.source << " same shapes") {
      check_gradient(c.source, {{"x", random_tensor(rng, {2, 3}, c.lo, c.hi)}, {"y", random_tensor(rng, {2, 3}, c.lo, c.hi)}});
    }
    DYNAMIC_SECTION(c.source << " broadcast (3, 1) with (4,)") {
      check_gradient(c.source, {{"x", random_tensor(rng, {3, 1}, c.lo, c.hi)}, {"y", random_tensor(rng, {4}, c.lo, c.hi)}});
    }
  }
}

TEST_CASE("the named forms of the arithmetic operators have the same gradients") {
  Random rng(13);
  for (const char* source : {"lambda x, y: add(x, y) * subtract(x, y)", "lambda x, y: multiply(x, divide(x, y))",
                             "lambda x, y: true_divide(x, y) + pow(x, y)", "lambda x, y: remainder(x, y) + floormod(y, x)",
                             "lambda x, y: atan2(x, y) + +x"}) {
    DYNAMIC_SECTION(source) {
      check_gradient(source, {{"x", random_tensor(rng, {2, 2}, 0.5, 2)}, {"y", random_tensor(rng, {2, 2}, 0.5, 2)}});
    }
  }
}

TEST_CASE("maximum and minimum give the cotangent to the larger and the smaller operand") {
  Random rng(12);
  // Points drawn apart so that no pair ties.
  Tensor x = values64({4}, {0.5, -1.0, 2.0, -0.3});
  Tensor y = values64({4}, {1.5, -2.0, 0.1, 0.7});
  check_gradient("lambda x, y: maximum(x, y) * (x + 3)", {{"x", x}, {"y", y}});
  check_gradient("lambda x, y: minimum(x, y) * (x + 3)", {{"x", x}, {"y", y}});
  check_gradient("lambda x, y: maximum(x, y)", {{"x", random_tensor(rng, {3, 1})}, {"y", random_tensor(rng, {1, 4})}});
}
