// The gradient function is ordinary IR: the fused, JIT-compiled plan computes
// the same forward values and gradients as the reference interpreter.

#include "autodiff/gradient_check.h"
#include "jit/compiled_plan.h"
#include "kernel/fuse.h"

using namespace lamina;
using namespace lamina::test;

namespace {

Tensor random_of(Random& rng, DType dtype, Dims dims) {
  Tensor t = Tensor::zeros(dtype, std::move(dims));
  for (int64_t i = 0; i < t.size(); ++i) t.set_f64(i, rng.uniform(-2, 2));
  return t;
}

void check_close(const std::vector<Tensor>& got, const std::vector<Tensor>& expected, double rtol) {
  REQUIRE(got.size() == expected.size());
  for (size_t k = 0; k < got.size(); ++k) {
    REQUIRE(got[k].dims() == expected[k].dims());
    for (int64_t i = 0; i < got[k].size(); ++i) {
      double a = got[k].get_f64(i), b = expected[k].get_f64(i);
      INFO("output " << k << " element " << i << ": jit " << a << ", interpreter " << b);
      CHECK(std::abs(a - b) <= rtol * (1 + std::abs(b)));
    }
  }
}

/// Differentiates `source` with respect to its first input and trainable params,
/// and compares JIT and interpreter results element by element.
void check_jit(const std::string& source, DType dtype, const std::vector<Dims>& shapes, double rtol) {
  INFO("source: " << source);
  Random rng(111);
  std::vector<NamedInput> in;
  for (size_t i = 0; i < shapes.size(); ++i)
    in.push_back({std::string(1, static_cast<char>('a' + i)), random_of(rng, dtype, shapes[i])});
  ir::Function f = lower_source(source, in);
  autodiff::WithRespectTo wrt = autodiff::WithRespectTo::trainable_params(f);
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(f, 0, wrt);
  INFO(ir::format_function(g));
  std::vector<Tensor> expected = interpret(g, values_of(in));
  auto plan = jit::compile_plan(g);
  check_close(jit::execute(*plan, g, values_of(in)), expected, rtol);
}

}  // namespace

TEST_CASE("JIT-compiled gradient functions match the interpreter") {
  const char* mlp = R"(lambda a, b:
    w1 = param(shape=(8, 16), init="glorot_uniform", seed=1)
    b1 = param(shape=(16,), init=0.1)
    w2 = param(shape=(16, 4), init="glorot_uniform", seed=2)
    h = relu(a @ w1 + b1)
    return mean(square(softmax(h @ w2) - b))
)";
  check_jit(mlp, DType::Float32, {{32, 8}, {32, 4}}, 1e-5);
  check_jit("lambda a: sum(l2_normalize(a - mean(a, axis=1, keepdims=True), axis=1) * a)", DType::Float32, {{16, 40}}, 1e-5);
  check_jit("lambda a: logsumexp(tanh(a) * exp(-a * a), axis=None) + sum(sigmoid(a[:, ::2]))", DType::Float64, {{8, 10}}, 1e-12);
  check_jit("lambda a: sum(cumprod(a, axis=1) + prod(a, axis=0)[None, :] * max(a, axis=1, keepdims=True))", DType::Float64,
            {{5, 6}}, 1e-12);
  check_jit("lambda a: sum(take(a, [0, 3, 3, 5], axis=1) * 3) + sum(top_k(a, 2)[0] * a[:, :2])", DType::Float32,
            {{4, 6}}, 1e-5);
}

TEST_CASE("the backward pass fuses into kernels") {
  // A purely elementwise loss differentiates into elementwise IR, which the
  // fusion pass turns into two kernels and no reference steps: the loss's
  // reduction, and the gradient's elementwise map.
  std::vector<NamedInput> in{{"x", Tensor::zeros(DType::Float32, {64, 32})}};
  ir::Function f = lower_source("lambda x: sum(tanh(x) * sigmoid(x) + exp(-x))", in);
  autodiff::WithRespectTo wrt;
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(f, 0, wrt);
  kernel::Plan plan = kernel::fuse(g);
  for (const kernel::Step& step : plan.steps) CHECK(step.kind != kernel::Step::Kind::Node);
  CHECK(plan.kernels.size() == 2);
}

TEST_CASE("a gradient function with a None batch compiles once for every batch size") {
  // Elementwise work and sums over the batch (the gradients of w and b) keep the
  // batch the leading dim, so one symbolic-batch plan serves every batch size.
  const char* source = R"(lambda x:
    w = param(shape=(3,), init=[0.5, -1.0, 2.0])
    b = param(shape=(3,), init=0.1)
    return mean(tanh(x * w + b))
)";
  std::vector<NamedInput> in{{"x", Tensor::zeros(DType::Float32, {1, 3})}};
  ir::Function f = lower_source(source, in, true);
  ir::Function g = autodiff::differentiate(f, 0, autodiff::WithRespectTo::trainable_params(f));
  INFO(ir::format_function(g));
  REQUIRE_FALSE(kernel::batch_symbolic_blocker(g));
  auto plan = jit::compile_plan(g);
  Random rng(112);
  for (int64_t batch : {1, 5, 300}) {
    std::vector<Tensor> x{random_of(rng, DType::Float32, {batch, 3})};
    check_close(jit::execute(*plan, g, x), interpret(g, x), 1e-5);
  }
}
