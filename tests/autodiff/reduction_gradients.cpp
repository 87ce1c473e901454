// Gradients of the reductions and scans against central differences, over
// every axis, several axes, all axes, and with keepdims.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

TEST_CASE("gradients of the reductions match finite differences") {
  Random rng(31);
  Tensor x = random_tensor(rng, {2, 3, 4}, 0.5, 2);  // positive and distinct: no ties, prod without zeros
  for (const char* f : {"sum", "prod", "max", "min", "mean", "var", "std", "logsumexp"}) {
    for (const char* args : {"", ", axis=0", ", axis=1", ", axis=-1", ", axis=(0, 2)", ", axis=(1, 2), keepdims=True",
                             ", keepdims=True"}) {
      std::string source = std::string("lambda x: ") + f + "(x" + args + ")";
      DYNAMIC_SECTION(source) { check_gradient(source, x); }
    }
  }
}

TEST_CASE("the Keras names of the reductions have the same gradients") {
  Random rng(34);
  Tensor x = random_tensor(rng, {3, 4}, 0.5, 2);
  for (const char* f : {"reduce_sum", "reduce_prod", "reduce_max", "reduce_min", "amax", "amin", "reduce_mean",
                        "reduce_variance", "variance", "reduce_std", "reduce_logsumexp"}) {
    std::string source = std::string("lambda x: ") + f + "(x, axis=1)";
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}

TEST_CASE("gradients of norm and l2_normalize match finite differences") {
  Random rng(32);
  Tensor x = random_tensor(rng, {3, 4});
  for (const char* source : {"lambda x: norm(x)", "lambda x: norm(x, axis=1)", "lambda x: norm(x, axis=0, keepdims=True)",
                             "lambda x: norm(x, ord=1, axis=1)", "lambda x: norm(x, ord=inf, axis=0)",
                             "lambda x: l2_normalize(x)", "lambda x: l2_normalize(x, axis=0)"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}

TEST_CASE("gradients of cumsum and cumprod match finite differences") {
  Random rng(33);
  Tensor x = random_tensor(rng, {3, 4}, 0.5, 1.5);
  Tensor signs = random_tensor(rng, {3, 4}, -1.5, 1.5);
  for (const char* source : {"lambda x: cumsum(x)", "lambda x: cumsum(x, axis=0)", "lambda x: cumsum(x, axis=1)",
                             "lambda x: cumprod(x)", "lambda x: cumprod(x, axis=0)", "lambda x: cumprod(x, axis=-1)"}) {
    DYNAMIC_SECTION(source) {
      check_gradient(source, x);
      check_gradient(source, signs);
    }
  }
}
