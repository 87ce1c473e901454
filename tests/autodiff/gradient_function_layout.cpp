// The gradient function: f's inputs and params, f's outputs first, then one
// gradient per requested param and input, typed like them; forward values are
// reused, and nothing that no output needs is kept.

#include <algorithm>

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

int count(const ir::Function& f, ir::Op op) {
  return static_cast<int>(std::count_if(f.nodes.begin(), f.nodes.end(), [op](const ir::Node& n) { return n.op == op; }));
}

const char* kTwoLayers = R"(lambda x:
    w1 = param(shape=(3, 4), init=0.5, dtype="float64")
    w2 = param(shape=(4, 2), init=-0.25, dtype="float64")
    return sum(exp(x @ w1) @ w2), x @ w1
)";

}  // namespace

TEST_CASE("the gradient function returns f's outputs, then the gradients in request order") {
  Random rng(121);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {5, 3})}};
  ir::Function f = lower_source(kTwoLayers, in);
  autodiff::WithRespectTo wrt;
  wrt.params = {1, 0};
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(f, 0, wrt);
  REQUIRE(g.outputs.size() == 5);
  CHECK(g.inputs.size() == 1);
  CHECK(g.params.size() == 2);
  CHECK(ir::format_type(g.type(g.outputs[2])) == "float64(4, 2)");
  CHECK(ir::format_type(g.type(g.outputs[3])) == "float64(3, 4)");
  CHECK(ir::format_type(g.type(g.outputs[4])) == "float64(5, 3)");
  std::vector<Tensor> forward = interpret(f, {in[0].value});
  std::vector<Tensor> all = interpret(g, {in[0].value});
  for (size_t k = 0; k < 2; ++k) CHECK(floats_equal(all[k], forward[k]));
}

TEST_CASE("forward values are computed once and reused by the backward pass") {
  Random rng(122);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {5, 3})}};
  ir::Function f = lower_source(kTwoLayers, in);
  ir::Function g = autodiff::differentiate(f, 0, autodiff::WithRespectTo::trainable_params(f));
  // exp's derivative is exp itself: the forward exp is the only one.
  CHECK(count(g, ir::Op::Exp) == 1);
  // The forward nodes are kept as they were, in front.
  for (size_t i = 0; i < f.nodes.size(); ++i) CHECK(g.nodes[i].op == f.nodes[i].op);
}

TEST_CASE("the backward pass reuses forward elementwise values and emits each one once") {
  Random rng(125);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {4})}};
  ir::Function f = lower_source("lambda x: sum(silu(x) + softplus(x))", in);
  autodiff::WithRespectTo wrt;
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(f, 0, wrt);
  // silu computes sigmoid(x); softplus' derivative is that same sigmoid(x).
  CHECK(count(f, ir::Op::Sigmoid) == 1);
  CHECK(count(g, ir::Op::Sigmoid) == 1);
  // d(x*x) = g*x + x*g: one product, added to itself.
  ir::Function sq = lower_source("lambda x: sum(x * x)", in);
  CHECK(count(autodiff::differentiate(sq, 0, wrt), ir::Op::Mul) == count(sq, ir::Op::Mul) + 1);
}

TEST_CASE("only what a requested gradient needs is built") {
  Random rng(123);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {5, 3})}};
  ir::Function f = lower_source(kTwoLayers, in);
  int forward_matmuls = count(f, ir::Op::MatMul);
  autodiff::WithRespectTo only_w2;
  only_w2.params = {1};
  // d/dw2 of sum(e @ w2) is eᵀ @ 1: one matmul; nothing flows back into x @ w1.
  CHECK(count(autodiff::differentiate(f, 0, only_w2), ir::Op::MatMul) == forward_matmuls + 1);
  autodiff::WithRespectTo only_w1;
  only_w1.params = {0};
  // d/dw1 needs the cotangent of exp's input (g @ w2ᵀ) and then xᵀ @ that: two matmuls.
  CHECK(count(autodiff::differentiate(f, 0, only_w1), ir::Op::MatMul) == forward_matmuls + 2);
}

TEST_CASE("a value the loss does not depend on gets a zero gradient") {
  Random rng(124);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {2, 3})}, {"y", random_tensor(rng, {2})}};
  ir::Function f = lower_source("lambda x, y: sum(x * 2), y", in);
  autodiff::WithRespectTo wrt;
  wrt.inputs = {1};
  std::vector<Tensor> out = interpret(autodiff::differentiate(f, 0, wrt), values_of(in));
  REQUIRE(out.size() == 3);
  CHECK(out[2].dims() == Dims{2});
  CHECK(out[2].get_f64(0) == 0);
  CHECK(out[2].get_f64(1) == 0);
}
