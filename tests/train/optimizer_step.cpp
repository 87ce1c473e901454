// One update of each optimizer against Keras' formulas worked by hand, for
// w = 1 and g = 0.5 (float64 weights, so the comparison is tight).

#include <cmath>

#include <catch2/catch.hpp>

#include "lamina/train.h"

using namespace lamina;

namespace {
double step(optimizers::Optimizer opt, int steps = 1) {
  Tensor w = Tensor::scalar(DType::Float64, 1.0), g = Tensor::scalar(DType::Float64, 0.5);
  for (int i = 0; i < steps; ++i) opt.apply(0, w, g);
  return w.get_f64(0);
}
}  // namespace

TEST_CASE("SGD step: w - lr*g") {
  CHECK(step(optimizers::SGD({.learning_rate = 0.1})) == Approx(1 - 0.1 * 0.5).epsilon(1e-14));
  CHECK(step(optimizers::SGD()) == Approx(1 - 0.01 * 0.5).epsilon(1e-14));  // Keras' default lr 0.01
}

TEST_CASE("SGD with momentum: two steps through the velocity") {
  // v1 = -0.1*0.5 = -0.05, w1 = 0.95; v2 = 0.9*(-0.05) - 0.05 = -0.095, w2 = 0.855
  CHECK(step(optimizers::SGD({.learning_rate = 0.1, .momentum = 0.9}), 2) == Approx(0.855).epsilon(1e-14));
}

TEST_CASE("SGD with Nesterov momentum") {
  // v1 = -0.05; w1 = 1 + 0.9*(-0.05) - 0.05 = 0.905
  CHECK(step(optimizers::SGD({.learning_rate = 0.1, .momentum = 0.9, .nesterov = true})) ==
        Approx(0.905).epsilon(1e-14));
}

TEST_CASE("Adam first step with Keras defaults") {
  // m = 0.1*0.5 = 0.05, v = 0.001*0.25 = 0.00025, alpha = 0.001*sqrt(1-0.999)/(1-0.9)
  double alpha = 0.001 * std::sqrt(0.001) / 0.1;
  double expected = 1 - alpha * 0.05 / (std::sqrt(0.00025) + 1e-7);
  CHECK(step(optimizers::Adam()) == Approx(expected).epsilon(1e-14));
  CHECK(expected == Approx(0.999).epsilon(1e-8));  // the first Adam step moves by about lr
}

TEST_CASE("Adam second step uses the bias correction of step 2") {
  // step 1 as above; step 2: m = 0.9*0.05 + 0.1*0.5 = 0.095, v = 0.999*0.00025 + 0.001*0.25 = 0.00049975
  double w1 = 1 - 0.001 * std::sqrt(0.001) / 0.1 * 0.05 / (std::sqrt(0.00025) + 1e-7);
  double alpha2 = 0.001 * std::sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
  double expected = w1 - alpha2 * 0.095 / (std::sqrt(0.00049975) + 1e-7);
  CHECK(step(optimizers::Adam(), 2) == Approx(expected).epsilon(1e-14));
}

TEST_CASE("RMSprop first step with Keras defaults") {
  // s = 0.1*0.25 = 0.025; w = 1 - 0.001*0.5/sqrt(0.025 + 1e-7)
  CHECK(step(optimizers::RMSprop()) == Approx(1 - 0.001 * 0.5 / std::sqrt(0.025 + 1e-7)).epsilon(1e-14));
}

TEST_CASE("RMSprop with momentum accumulates the increments") {
  // inc1 = 0.001*0.5/sqrt(0.025+1e-7); s2 = 0.9*0.025 + 0.025 = 0.0475; inc2 = 0.001*0.5/sqrt(0.0475+1e-7)
  double inc1 = 0.0005 / std::sqrt(0.025 + 1e-7), inc2 = 0.0005 / std::sqrt(0.0475 + 1e-7);
  double expected = 1 - inc1 - (0.5 * inc1 + inc2);
  CHECK(step(optimizers::RMSprop({.momentum = 0.5}), 2) == Approx(expected).epsilon(1e-14));
}

TEST_CASE("optimizer rejects a gradient of another shape") {
  auto opt = optimizers::SGD();
  Tensor w = Tensor::zeros(DType::Float32, {2}), g = Tensor::zeros(DType::Float32, {3});
  CHECK_THROWS_WITH(opt.apply(0, w, g), Catch::Contains("the gradient (float32 (3,)) does not match the weight (float32 (2,))"));
}
