// The antirectifier from the Keras examples (the pipeline doc's running
// example): gradients with respect to its input match central differences.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

TEST_CASE("the antirectifier's gradient matches finite differences") {
  const char* source = R"(lambda x:
    x -= mean(x, axis=1, keepdims=True)
    x = l2_normalize(x, axis=1)
    pos = relu(x)
    neg = relu(-x)
    return concat([pos, neg], axis=1)
)";
  Random rng(81);
  check_gradient(source, random_tensor(rng, {4, 6}));
}

TEST_CASE("the antirectifier's gradient with a None batch matches finite differences") {
  const char* source = R"(lambda x:
    x -= mean(x, axis=1, keepdims=True)
    x = l2_normalize(x, axis=1)
    return concat([relu(x), relu(-x)], axis=1)
)";
  Random rng(82);
  CheckOptions opt;
  opt.batch_none = true;
  check_gradient(source, random_tensor(rng, {3, 5}), opt);
}
