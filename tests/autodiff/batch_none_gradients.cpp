// Lambdas compiled with a None batch dimension differentiate into gradient
// functions that run at any batch size.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

TEST_CASE("gradients with a None batch match finite differences") {
  Random rng(141);
  CheckOptions opt;
  opt.batch_none = true;
  const char* dense = R"(lambda x:
    w = param(shape=(4, 3), init="glorot_uniform", dtype="float64", seed=5)
    b = param(shape=(3,), init=0.2, dtype="float64")
    return mean(square(tanh(x @ w + b)))
)";
  check_gradient(dense, random_tensor(rng, {5, 4}), opt);
  check_gradient("lambda x: sum(softmax(x, axis=1) * x)", random_tensor(rng, {3, 4}), opt);
  check_gradient("lambda x: x[1:] * 2", random_tensor(rng, {4, 2}), opt);
  check_gradient("lambda x: x[::-1, 1:]", random_tensor(rng, {3, 2}), opt);
  check_gradient("lambda x: x[::2]", random_tensor(rng, {5, 2}), opt);
  // Every None is the same batch; the offsets along it are known only at run time.
  check_gradient("lambda x, y: concatenate([x, y * x, x[1:]], axis=0)",
                 {{"x", random_tensor(rng, {3, 2})}, {"y", random_tensor(rng, {3, 2})}}, opt);
  check_gradient("lambda x: pad(x, ((1, 2), (0, 1)))", random_tensor(rng, {2, 3}), opt);
  check_gradient("lambda x: prod(x, axis=0)", random_tensor(rng, {3, 2}), opt);
  check_gradient("lambda x: reshape(x, (-1,))", random_tensor(rng, {3, 2}), opt);
}

TEST_CASE("one gradient function serves every batch size") {
  Random rng(142);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {2, 3})}};
  ir::Function f = lower_source("lambda x: sum(x * x)", in, true);
  autodiff::WithRespectTo wrt;
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(f, 0, wrt);
  CHECK(ir::format_type(g.type(g.outputs[1])) == "float64(None, 3)");
  for (int64_t batch : {1, 4, 7}) {
    Tensor x = random_tensor(rng, {batch, 3});
    Tensor grad = interpret(g, {x}).at(1);
    REQUIRE(grad.dims() == Dims{batch, 3});
    for (int64_t i = 0; i < x.size(); ++i) CHECK(grad.get_f64(i) == 2 * x.get_f64(i));
  }
}
