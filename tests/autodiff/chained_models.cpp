// Gradients through whole small models: softmax, logsumexp, l2_normalize and
// matmul chained, with params declared in the body, against central differences.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

TEST_CASE("gradients through a softmax classifier with params match finite differences") {
  // Cross-entropy of a two-layer network; w1, b1, w2 are params of the lambda.
  const char* source = R"(lambda x, y:
    w1 = param(shape=(4, 5), init="glorot_uniform", dtype="float64", seed=3)
    b1 = param(shape=(5,), init=0.1, dtype="float64")
    w2 = param(shape=(5, 3), init="glorot_uniform", dtype="float64", seed=4)
    h = tanh(x @ w1 + b1)
    p = softmax(h @ w2)
    return -mean(sum(y * log(p), axis=1))
)";
  Random rng(71);
  Tensor y = values64({6, 3}, {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1});
  check_gradient(source, {{"x", random_tensor(rng, {6, 4})}, {"y", y, false}});
}

TEST_CASE("gradients through logsumexp, l2_normalize and matmul match finite differences") {
  const char* source = R"(lambda q, k:
    qn = l2_normalize(q, axis=-1)
    kn = l2_normalize(k, axis=-1)
    scores = qn @ kn.T * 4.0
    return logsumexp(scores, axis=1) - max(scores, axis=1) + sum(log_softmax(scores, axis=0) * 0.1, axis=0)[:3]
)";
  Random rng(72);
  check_gradient(source, {{"q", random_tensor(rng, {3, 5})}, {"k", random_tensor(rng, {4, 5})}});
}

TEST_CASE("the gradient of a param used several times sums its uses") {
  const char* source = R"(lambda x:
    s = param(shape=(3,), init=[0.5, -1.0, 2.0], dtype="float64")
    return sum(x * s + s * s * x[0] - cumsum(s * x, axis=1))
)";
  Random rng(73);
  check_gradient(source, {{"x", random_tensor(rng, {2, 3})}});
}
