// Two fits with the same seed give identical weights; another shuffle seed
// gives different ones (so the seed is what decides the order).

#include <catch2/catch.hpp>

#include "train/fixture.h"

using namespace lamina;

namespace {
std::vector<double> trained(uint64_t seed) {
  auto [x, y] = test::regression_data();
  Sequential m = test::regression_model();
  m.compile({.optimizer = optimizers::Adam({.learning_rate = 0.01}), .loss = "mse"});
  m.fit(x, y, {.epochs = 5, .batch_size = 8, .shuffle = true, .seed = seed, .verbose = 0});
  return test::flat_weights(m);
}
}  // namespace

TEST_CASE("fit with the same seed gives identical weights") {
  std::vector<double> a = trained(42), b = trained(42);
  REQUIRE(a.size() == b.size());
  CHECK(a == b);
  CHECK(trained(43) != a);
}
