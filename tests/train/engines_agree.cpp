// The JIT-compiled training step and the interpreter's agree: the same fit
// on each engine ends at the same weights (to float32 rounding).

#include <catch2/catch.hpp>

#include "train/fixture.h"

using namespace lamina;

TEST_CASE("JIT and interpreter training steps agree") {
  auto [x, y] = test::regression_data();
  std::vector<std::vector<double>> weights;
  std::vector<double> losses;
  for (Engine e : {Engine::Jit, Engine::Interpreter}) {
    Sequential m = test::regression_model();
    m.compile({.optimizer = optimizers::SGD({.learning_rate = 0.05, .momentum = 0.9}), .loss = "mse",
               .metrics = {"mae"}});
    History h = m.fit(x, y, {.epochs = 3, .batch_size = 16, .seed = 3, .verbose = 0, .engine = e});
    weights.push_back(test::flat_weights(m));
    losses.push_back(h.history.at("loss").back());
  }
  REQUIRE(weights[0].size() == weights[1].size());
  for (size_t i = 0; i < weights[0].size(); ++i) CHECK(weights[0][i] == Approx(weights[1][i]).margin(1e-5));
  CHECK(losses[0] == Approx(losses[1]).epsilon(1e-5));
  CHECK(weights[0] != test::flat_weights(test::regression_model()));  // training moved the weights
}
