// One fit step end to end against a hand-computed gradient: model x·w
// (w a Lambda param, 1.0), mse, SGD with lr 0.1.

#include <catch2/catch.hpp>

#include "lamina/model.h"

using namespace lamina;
namespace layers = lamina::layers;

TEST_CASE("one fit step moves w by lr times the mse gradient") {
  Sequential m({layers::Lambda("lambda x:\n  w = param(shape=(), init=1.0)\n  return x * w",
                               {.name = "lin", .input_shape = Shape{1}})});
  // two samples (x, y) = (1, 3) and (2, 2): loss = ((w-3)² + (2w-2)²)/2 = (4 + 0)/2 = 2 at w = 1
  // dloss/dw = ((w-3)·1·2 + (2w-2)·2·2)/2 = (-4 + 0)/2 = -2, so w = 1 - 0.1·(-2) = 1.2
  Tensor x = Tensor::zeros(DType::Float32, {2, 1}), y = Tensor::zeros(DType::Float32, {2, 1});
  x.set_f64(0, 1), x.set_f64(1, 2), y.set_f64(0, 3), y.set_f64(1, 2);
  m.compile({.optimizer = optimizers::SGD({.learning_rate = 0.1}), .loss = "mse"});
  History h = m.fit(x, y, {.epochs = 1, .batch_size = 2, .shuffle = false, .verbose = 0});
  CHECK(h.history.at("loss")[0] == Approx(2.0).epsilon(1e-6));  // the loss before the update
  CHECK(m.trainable_weights().at(0).value.get_f64(0) == Approx(1.2).epsilon(1e-6));
}
