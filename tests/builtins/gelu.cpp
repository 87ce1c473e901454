// gelu(x, approximate=False): the exact erf form by default (as
// keras.activations.gelu), the tanh approximation on request.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({8}, {-3, -1, -0.5, 0, 0.5, 1, 2.5, 7}); }
}  // namespace

TEST_CASE("gelu is exact by default", "[gelu][activations]") {
  // 0.5 x (1 + erf(x / sqrt(2)))
  std::vector<double> exact = {-0.0040496941, -0.15865525, -0.15426877, 0, 0.34573123, 0.84134475, 2.4844758, 7};
  expect_values(eval("gelu(x)", x()), {8}, exact);
  expect_values(eval("gelu(x, approximate=False)", x()), {8}, exact);
}

TEST_CASE("gelu with approximate=True uses the tanh formula", "[gelu][activations]") {
  // 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))
  std::vector<double> approx = {-0.0036373921, -0.15880801, -0.15428599, 0, 0.34571401, 0.84119199, 2.4849157, 7};
  expect_values(eval("gelu(x, approximate=True)", x()), {8}, approx);
  expect_values(eval("gelu(x, True)", x()), {8}, approx);
}

TEST_CASE("gelu of ints is float32 and of NaN is NaN", "[gelu][activations]") {
  Tensor r = eval("gelu(x)", tensor({2}, {0, 1}, DType::Int32));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {2}, {0, 0.84134475});
  expect_values(eval("gelu(x)", tensor({2}, {NAN, INFINITY})), {2}, {NAN, INFINITY});
}

TEST_CASE("gelu's approximate must be a bool", "[gelu][activations][errors]") {
  test::expect_error(test::compile_error("gelu(x, approximate=\"tanh\")", {std::nullopt, 4}),
                     "argument 'approximate' of gelu() must be True or False, but it is the string 'tanh'", 1, 21);
}
