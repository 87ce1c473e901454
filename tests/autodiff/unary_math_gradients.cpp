// Gradients of the elementwise math builtins against central differences,
// at random points inside each function's domain and away from its kinks.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

struct Case {
  const char* source;
  double lo, hi;  // where the points are drawn
};

}  // namespace

TEST_CASE("gradients of the elementwise math builtins match finite differences") {
  Random rng(7);
  for (Case c : {Case{"lambda x: abs(x)", 0.1, 2}, {"lambda x: abs(x)", -2, -0.1}, {"lambda x: negative(x)", -2, 2},
                 {"lambda x: -x", -2, 2}, {"lambda x: square(x)", -2, 2}, {"lambda x: reciprocal(x)", 0.5, 2},
                 {"lambda x: sqrt(x)", 0.2, 3}, {"lambda x: rsqrt(x)", 0.2, 3}, {"lambda x: exp(x)", -2, 2},
                 {"lambda x: expm1(x)", -2, 2}, {"lambda x: log(x)", 0.2, 3}, {"lambda x: log1p(x)", -0.5, 2},
                 {"lambda x: log2(x)", 0.2, 3}, {"lambda x: log10(x)", 0.2, 3}, {"lambda x: sin(x)", -3, 3},
                 {"lambda x: cos(x)", -3, 3}, {"lambda x: tan(x)", -1.2, 1.2}, {"lambda x: arcsin(x)", -0.9, 0.9},
                 {"lambda x: arccos(x)", -0.9, 0.9}, {"lambda x: arctan(x)", -3, 3}, {"lambda x: sinh(x)", -2, 2},
                 {"lambda x: cosh(x)", -2, 2}, {"lambda x: tanh(x)", -2, 2}, {"lambda x: arcsinh(x)", -3, 3},
                 {"lambda x: arccosh(x)", 1.2, 4}, {"lambda x: arctanh(x)", -0.9, 0.9}, {"lambda x: erf(x)", -2, 2},
                 {"lambda x: x ** 3", -2, 2}, {"lambda x: x ** 0.5", 0.2, 3}, {"lambda x: 2 ** x", -2, 2}}) {
    DYNAMIC_SECTION(c.source) { check_gradient(c.source, random_tensor(rng, {2, 3}, c.lo, c.hi)); }
  }
}

TEST_CASE("piecewise constant builtins have a zero gradient") {
  // floor, ceil, round and sign are flat almost everywhere (PyTorch's convention):
  // the loss below depends on x through them and through x * 2.
  Random rng(8);
  Tensor x = random_tensor(rng, {5}, 0.1, 0.4);  // no integer or half-integer nearby
  for (const char* source : {"lambda x: floor(x * 10) + x * 2", "lambda x: ceil(x * 10) + x * 2",
                             "lambda x: round(x * 10) + x * 2", "lambda x: sign(x) + x * 2",
                             "lambda x: floor_divide(x * 10, 0.7) + x * 2"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}
