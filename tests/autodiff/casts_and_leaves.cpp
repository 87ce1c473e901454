// Casts between float dtypes pass the cotangent through, converted; values that
// do not depend on the input (random numbers, constants, shapes) are leaves.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

Tensor input_gradient(const std::string& source, const Tensor& x) {
  std::vector<NamedInput> in{{"x", x}};
  autodiff::WithRespectTo wrt;
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(lower_source(source, in), 0, wrt);
  return interpret(g, {x}).at(1);
}

}  // namespace

TEST_CASE("a cast between float dtypes converts the cotangent back") {
  // d/dx sum(float64(x) * c) = c, as float32.
  Tensor x = Tensor::zeros(DType::Float32, {3});
  Tensor g = input_gradient("lambda x: sum(cast(x, 'float64') * [1.5, -2.0, 0.25])", x);
  CHECK(g.dtype() == DType::Float32);
  CHECK(g.get_f64(0) == 1.5);
  CHECK(g.get_f64(1) == -2.0);
  CHECK(g.get_f64(2) == 0.25);
  // Through float32 and back: 2 per element.
  Tensor h = input_gradient("lambda x: sum(cast(cast(x, 'float32') * 2, 'float64'))", values64({2}, {0.1, 7}));
  CHECK(h.dtype() == DType::Float64);
  CHECK(h.get_f64(0) == 2);
  CHECK(h.get_f64(1) == 2);
}

TEST_CASE("random numbers, constants and shape-derived values have no gradient of their own") {
  Random rng(151);
  Tensor x = random_tensor(rng, {2, 3});
  for (const char* source :
       {"lambda x: x * random_normal((2, 3), dtype='float64', seed=4)", "lambda x: x * random_uniform((3,), seed=2, dtype='float64')",
        "lambda x: x + zeros_like(x) + ones_like(x) * full_like(x, 3.0)", "lambda x: x * arange(3) + eye(2, 3)",
        "lambda x: x * cast(shape(x)[0], 'float64') + x * x.shape[1]", "lambda x: identity(x) * clip_by_value(x, -1.0, 1.0)"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}
