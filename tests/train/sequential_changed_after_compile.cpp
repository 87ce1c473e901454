// A Sequential changed (add) after it was trained trains its new graph:
// the new layer's weight is updated too.

#include <catch2/catch.hpp>

#include "lamina/model.h"

using namespace lamina;
namespace layers = lamina::layers;

TEST_CASE("fit after Sequential add trains the added layer") {
  Sequential m({layers::Lambda("lambda x:\n  w = param(shape=(), init=1.0)\n  return x * w", {.input_shape = Shape{1}})});
  Tensor x = Tensor::zeros(DType::Float32, {4, 1}), y = Tensor::zeros(DType::Float32, {4, 1});
  for (int i = 0; i < 4; ++i) x.set_f64(i, i), y.set_f64(i, 2 * i + 1);
  m.compile({.optimizer = optimizers::SGD({.learning_rate = 0.05}), .loss = "mse"});
  m.fit(x, y, {.epochs = 2, .verbose = 0});
  m.add(layers::Lambda("lambda x:\n  b = param(shape=(), init=0.0)\n  return x + b"));
  m.fit(x, y, {.epochs = 2, .verbose = 0});
  REQUIRE(m.trainable_weights().size() == 2);
  CHECK(m.trainable_weights()[1].value.get_f64(0) != 0.0);  // the bias was trained
}
