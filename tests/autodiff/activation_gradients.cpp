// Gradients of the activation builtins against central differences, at points
// away from their kinks (0 for relu and friends, ±3 for the hard ones, 6 for relu6).

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

/// n points: -2.8..-0.1, 0.1..2.8 and 3.2..5.9, so at least 0.1 from 0, ±3 and 6.
Tensor away_from_kinks(Random& rng, int64_t n) {
  Tensor t = Tensor::zeros(DType::Float64, {n});
  for (int64_t i = 0; i < n; ++i) {
    double v = rng.uniform(0.1, 2.8);
    t.set_f64(i, i % 3 == 0 ? -v : i % 3 == 1 ? v : v + 3.1);
  }
  return t;
}

}  // namespace

TEST_CASE("gradients of the activations match finite differences") {
  Random rng(21);
  Tensor x = away_from_kinks(rng, 12);
  for (const char* source :
       {"lambda x: relu(x)", "lambda x: relu(x, alpha=0.1)", "lambda x: relu(x, max_value=2.5)",
        "lambda x: relu(x, threshold=0.05)", "lambda x: relu6(x)", "lambda x: leaky_relu(x)", "lambda x: elu(x)",
        "lambda x: elu(x, alpha=0.5)", "lambda x: selu(x)", "lambda x: celu(x, alpha=2.0)", "lambda x: gelu(x)",
        "lambda x: gelu(x, approximate=True)", "lambda x: sigmoid(x)", "lambda x: hard_sigmoid(x)",
        "lambda x: softplus(x)", "lambda x: softsign(x)", "lambda x: silu(x)", "lambda x: swish(x)",
        "lambda x: mish(x)", "lambda x: hard_silu(x)", "lambda x: hard_swish(x)", "lambda x: log_sigmoid(x)",
        "lambda x: exponential(x)", "lambda x: linear(x) * x"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}

TEST_CASE("gradients of softmax and log_softmax match finite differences along each axis") {
  Random rng(22);
  Tensor x = random_tensor(rng, {3, 4});
  for (const char* source : {"lambda x: softmax(x)", "lambda x: softmax(x, axis=0)", "lambda x: log_softmax(x)",
                             "lambda x: log_softmax(x, axis=0)"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}
