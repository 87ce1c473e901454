// sigmoid, hard_sigmoid (Keras 3: relu6(x + 3) / 6), log_sigmoid, softplus,
// softsign, silu/swish, mish, hard_silu/hard_swish, exponential and linear.
// Expected values from NumPy.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({8}, {-3, -1, -0.5, 0, 0.5, 1, 2.5, 7}); }
}  // namespace

TEST_CASE("sigmoid and hard_sigmoid", "[activations]") {
  expect_values(eval("sigmoid(x)", x()), {8},
                {0.047425873, 0.26894142, 0.37754067, 0.5, 0.62245933, 0.73105858, 0.92414182, 0.99908895});
  expect_values(eval("hard_sigmoid(x)", x()), {8},
                {0, 0.33333333, 0.41666667, 0.5, 0.58333333, 0.66666667, 0.91666667, 1});
}

TEST_CASE("sigmoid and softplus saturate without overflow", "[activations]") {
  Tensor big = tensor({4}, {-1000, 1000, -INFINITY, INFINITY});
  expect_values(eval("sigmoid(x)", big), {4}, {0, 1, 0, 1});
  expect_values(eval("softplus(x)", big), {4}, {0, 1000, 0, INFINITY});
  expect_values(eval("log_sigmoid(x)", big), {4}, {-1000, 0, -INFINITY, 0});
}

TEST_CASE("log_sigmoid, softplus and softsign", "[activations]") {
  expect_values(eval("log_sigmoid(x)", x()), {8},
                {-3.0485874, -1.3132617, -0.97407698, -0.69314718, -0.47407698, -0.31326169, -0.078889734,
                 -0.00091146645});
  expect_values(eval("softplus(x)", x()), {8},
                {0.048587352, 0.31326169, 0.47407698, 0.69314718, 0.97407698, 1.3132617, 2.5788897, 7.0009115});
  expect_values(eval("softsign(x)", x()), {8}, {-0.75, -0.5, -0.33333333, 0, 0.33333333, 0.5, 0.71428571, 0.875});
}

TEST_CASE("silu and swish are x * sigmoid(x)", "[activations]") {
  std::vector<double> silu = {-0.14227762, -0.26894142, -0.18877033, 0, 0.31122967, 0.73105858, 2.3103545, 6.9936226};
  expect_values(eval("silu(x)", x()), {8}, silu);
  expect_values(eval("swish(x)", x()), {8}, silu);
}

TEST_CASE("mish is x * tanh(softplus(x))", "[activations]") {
  expect_values(eval("mish(x)", x()), {8},
                {-0.14564746, -0.30340146, -0.22074377, 0, 0.37524521, 0.86509839, 2.4713923, 6.9999884});
}

TEST_CASE("hard_silu and hard_swish are x * relu6(x + 3) / 6", "[activations]") {
  std::vector<double> hs = {0, -0.33333333, -0.20833333, 0, 0.29166667, 0.66666667, 2.2916667, 7};
  expect_values(eval("hard_silu(x)", x()), {8}, hs);
  expect_values(eval("hard_swish(x)", x()), {8}, hs);
}

TEST_CASE("exponential and linear", "[activations]") {
  expect_values(eval("exponential(x)", x()), {8},
                {0.049787068, 0.36787944, 0.60653066, 1, 1.6487213, 2.7182818, 12.182494, 1096.6332});
  Tensor i = tensor({2}, {-1, 2}, DType::Int32);
  Tensor lin = eval("linear(x)", i);
  CHECK(lin.dtype() == DType::Int32);
  expect_values(lin, {2}, {-1, 2});
}

TEST_CASE("sigmoid-family activations of ints are float32", "[activations]") {
  for (const char* f : {"sigmoid(x)", "hard_sigmoid(x)", "log_sigmoid(x)", "softplus(x)", "softsign(x)", "silu(x)",
                        "mish(x)", "hard_silu(x)", "exponential(x)"}) {
    INFO(f);
    CHECK(eval(f, tensor({2}, {-1, 1}, DType::Int32)).dtype() == DType::Float32);
  }
  expect_values(eval("sigmoid(x)", tensor({1}, {0}, DType::Bool)), {1}, {0.5});
}
