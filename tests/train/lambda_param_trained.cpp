// A trainable `param` inside a DSL Lambda is updated by fit — the case the
// Keras docs warn about (a Variable captured by a Lambda is not trained).

#include <catch2/catch.hpp>

#include "lamina/model.h"

using namespace lamina;
namespace layers = lamina::layers;

TEST_CASE("fit trains a param declared in a Lambda body") {
  layers::LambdaOptions o{.name = "scale", .input_shape = Shape{1}};
  Sequential m({layers::Lambda("lambda x:\n  w = param(shape=(), init=1.0)\n  return x * w", o)});
  // y = 3x: the only weight w should move from 1 towards 3.
  Tensor x = Tensor::uninitialized(DType::Float32, {64, 1}), y = Tensor::uninitialized(DType::Float32, {64, 1});
  for (int i = 0; i < 64; ++i) {
    x.data<float>()[i] = static_cast<float>(i % 8) / 8.0f - 0.5f;
    y.data<float>()[i] = 3 * x.data<float>()[i];
  }
  m.compile({.optimizer = optimizers::SGD({.learning_rate = 0.5}), .loss = "mse"});
  History h = m.fit(x, y, {.epochs = 30, .batch_size = 16, .verbose = 0});
  std::vector<Weight> w = m.trainable_weights();
  REQUIRE(w.size() == 1);
  CHECK(w[0].name == "scale/w");
  CHECK(w[0].value.get_f64(0) == Approx(3.0).epsilon(1e-3));
  CHECK(h.history.at("loss").back() < 1e-5);
  // predict sees the trained weight
  CHECK(m.predict(x).get_f64(1) == Approx(y.get_f64(1)).epsilon(1e-3));
}

TEST_CASE("a non-trainable layer keeps its weights through fit") {
  Layer frozen = layers::Dense(1, {.seed = 1, .name = "frozen", .input_shape = Shape{1}});
  frozen.set_trainable(false);
  Sequential m({frozen, layers::Lambda("lambda x:\n  b = param(shape=(), init=0.0)\n  return x + b")});
  std::vector<Tensor> before = frozen.get_weights();
  Tensor x = Tensor::zeros(DType::Float32, {8, 1}), y = Tensor::zeros(DType::Float32, {8, 1});
  for (int i = 0; i < 8; ++i) y.data<float>()[i] = 1.0f;
  m.compile({.optimizer = optimizers::SGD({.learning_rate = 0.1}), .loss = "mse"});
  m.fit(x, y, {.epochs = 3, .verbose = 0});
  std::vector<Tensor> after = frozen.get_weights();
  for (size_t i = 0; i < before.size(); ++i)
    for (int64_t k = 0; k < before[i].size(); ++k) CHECK(after[i].get_f64(k) == before[i].get_f64(k));
  CHECK(m.trainable_weights().at(0).value.get_f64(0) > 0.1);  // the Lambda's bias moved towards 1
}
