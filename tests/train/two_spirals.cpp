// A small MLP learns two interleaved spirals (generated here from a fixed
// seed) to at least 95% training accuracy within 600 epochs (about 2 s).

#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "lamina/model.h"

using namespace lamina;
namespace layers = lamina::layers;

TEST_CASE("an MLP learns two spirals to 95% accuracy") {
  // Two arms r = t, angle t (+ pi for the second), t in [0.25, 3pi], with small noise.
  const int per_arm = 200;
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> unit(0.f, 1.f);
  std::normal_distribution<float> noise(0.f, 0.05f);
  Tensor x = Tensor::uninitialized(DType::Float32, {2 * per_arm, 2});
  Tensor y = Tensor::uninitialized(DType::Int64, {2 * per_arm});
  for (int i = 0; i < 2 * per_arm; ++i) {
    int arm = i % 2;
    float t = 0.25f + 3.0f * static_cast<float>(M_PI) * unit(rng);
    float angle = t + static_cast<float>(arm * M_PI);
    x.data<float>()[2 * i] = t * std::cos(angle) / 10 + noise(rng);
    x.data<float>()[2 * i + 1] = t * std::sin(angle) / 10 + noise(rng);
    y.data<int64_t>()[i] = arm;
  }
  Sequential m({layers::Dense(64, {.activation = "tanh", .seed = 1, .input_shape = Shape{2}}),
                layers::Dense(64, {.activation = "tanh", .seed = 2}),
                layers::Dense(2, {.activation = "softmax", .seed = 3})});
  m.compile({.optimizer = optimizers::Adam({.learning_rate = 0.01}),
             .loss = "sparse_categorical_crossentropy",
             .metrics = {"accuracy"}});
  History h = m.fit(x, y, {.epochs = 600, .batch_size = 32, .seed = 1, .verbose = 0});
  Logs final = m.evaluate(x, y);
  INFO("loss " << final.at("loss") << " accuracy " << final.at("accuracy"));
  CHECK(final.at("accuracy") >= 0.95);
  CHECK(h.history.at("loss").back() < h.history.at("loss").front());
}
