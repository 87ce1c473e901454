// A model is one IR function, so consecutive elementwise layers fuse into one
// JIT kernel (the plan is inspected through the internal JitFunction).

#include "api/jit_function.h"
#include "jit/compiled_plan.h"
#include "model/graph.h"
#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("three elementwise layers run as one kernel") {
  SymbolicTensor x = Input({8});
  SymbolicTensor y = layers::Lambda("x * 2")(x);
  y = layers::Activation("relu")(y);
  y = layers::Lambda("lambda x:\n  b = param(shape=(8,), init=1.0)\n  return x + b")(y);
  Model model({x}, {y});
  Tensor in = tensor({1, 8}, {-2, -1, 0, 1, 2, 3, 4, 5});
  auto [f, plan] = model.impl->jit().plan_for({in});
  CHECK(plan->plan.kernels.size() == 1);
  CHECK(plan->plan.steps.size() == 1);
  model_test::check_close(model.predict(in), tensor({1, 8}, {1, 1, 1, 3, 5, 7, 9, 11}));
}
