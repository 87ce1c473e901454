// relu6, leaky_relu (alpha or negative_slope), elu, selu and celu with their
// Keras definitions. Expected values from NumPy.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({8}, {-3, -1, -0.5, 0, 0.5, 1, 2.5, 7}); }
}  // namespace

TEST_CASE("relu6 clamps to 0..6", "[activations]") {
  expect_values(eval("relu6(x)", x()), {8}, {0, 0, 0, 0, 0.5, 1, 2.5, 6});
  Tensor i = eval("relu6(x)", tensor({2}, {-1, 9}, DType::Int32));
  CHECK(i.dtype() == DType::Float32);
  expect_values(i, {2}, {0, 6});
}

TEST_CASE("leaky_relu defaults to slope 0.2 and accepts alpha or negative_slope", "[activations]") {
  expect_values(eval("leaky_relu(x)", x()), {8}, {-0.6, -0.2, -0.1, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("leaky_relu(x, 0.3)", x()), {8}, {-0.9, -0.3, -0.15, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("leaky_relu(x, alpha=0.3)", x()), {8}, {-0.9, -0.3, -0.15, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("leaky_relu(x, negative_slope=0.3)", x()), {8}, {-0.9, -0.3, -0.15, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("leaky_relu(x)", tensor({2}, {-INFINITY, NAN})), {2}, {-INFINITY, NAN});
}

TEST_CASE("elu is alpha * expm1(x) below zero", "[activations]") {
  expect_values(eval("elu(x)", x()), {8}, {-0.95021293, -0.63212056, -0.39346934, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("elu(x, 0.5)", x()), {8}, {-0.47510647, -0.31606028, -0.19673467, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("elu(x)", tensor({2}, {-INFINITY, INFINITY})), {2}, {-1, INFINITY});
}

TEST_CASE("selu uses the self-normalising constants", "[activations]") {
  expect_values(eval("selu(x)", x()), {8},
                {-1.6705687, -1.1113307, -0.69175819, 0, 0.52535049, 1.050701, 2.6267525, 7.3549069});
  expect_values(eval("selu(x)", tensor({1}, {-INFINITY})), {1}, {-1.7580993});
}

TEST_CASE("celu is max(x, 0) + min(0, alpha * expm1(x / alpha))", "[activations]") {
  expect_values(eval("celu(x)", x()), {8}, {-0.95021293, -0.63212056, -0.39346934, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("celu(x, alpha=2.0)", x()), {8}, {-1.5537397, -0.78693868, -0.44239843, 0, 0.5, 1, 2.5, 7});
}

TEST_CASE("the relu family computes ints in float32", "[activations]") {
  for (const char* f : {"leaky_relu(x)", "elu(x)", "selu(x)", "celu(x)"}) {
    INFO(f);
    CHECK(eval(f, tensor({2}, {-1, 1}, DType::Int32)).dtype() == DType::Float32);
  }
}
