// Seed::Input: the gradient function takes the loss's cotangent v as one more
// input and returns the vector-Jacobian product vᵀ·J.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

TEST_CASE("with Seed::Input the gradient function takes the cotangent after f's inputs") {
  Random rng(131);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {2, 3})}};
  ir::Function f = lower_source("lambda x: x * x", in);
  autodiff::WithRespectTo wrt;
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(f, 0, wrt, autodiff::Seed::Input);
  REQUIRE(g.inputs.size() == 2);
  CHECK(g.inputs[1].name == "d_loss");
  CHECK(ir::format_type(g.inputs[1].type) == "float64(2, 3)");
  // d(v · x²)/dx = 2 v x.
  Tensor v = random_tensor(rng, {2, 3});
  Tensor grad = interpret(g, {in[0].value, v}).at(1);
  for (int64_t i = 0; i < 6; ++i) CHECK(grad.get_f64(i) == 2 * v.get_f64(i) * in[0].value.get_f64(i));
}

TEST_CASE("the cotangent input takes a name no input has") {
  Random rng(132);
  std::vector<NamedInput> in{{"d_loss", random_tensor(rng, {3})}};
  ir::Function f = lower_source("lambda d_loss: d_loss * 2", in);
  autodiff::WithRespectTo wrt;
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(f, 0, wrt, autodiff::Seed::Input);
  CHECK(g.inputs[1].name == "d_loss_");
}

TEST_CASE("vector-Jacobian products match finite differences for tensor results") {
  // check_gradient seeds every non-scalar result with a random cotangent.
  Random rng(133);
  check_gradient("lambda x: softmax(x @ x.T)", random_tensor(rng, {3, 3}));
}
