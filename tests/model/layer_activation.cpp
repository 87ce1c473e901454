// Activation: an activation function as a layer; the input mask passes through.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Activation applies its function elementwise") {
  Tensor x = tensor({2, 3}, {-1, 0, 2, -3, 0.5, 4});
  test::expect_values(test::run_layer(layers::Activation("relu"), {x}), {2, 3}, {0, 0, 2, 0, 0.5, 4});
  // tanh(1) = 0.76159416, tanh(-1) = -0.76159416 (numpy.tanh)
  test::expect_values(test::run_layer(layers::Activation("tanh"), {tensor({1, 3}, {-1, 0, 1})}), {1, 3},
                      {-0.76159416, 0, 0.76159416});
  // "linear" is the identity.
  test::expect_values(test::run_layer(layers::Activation("linear"), {x}), {2, 3}, test::values(x));
}

TEST_CASE("Activation softmax normalises the last axis") {
  // exp([1, 2, 3]) / sum(exp([1, 2, 3])) (numpy)
  test::expect_values(test::run_layer(layers::Activation("softmax"), {tensor({1, 3}, {1, 2, 3})}), {1, 3},
                      {0.09003057, 0.24472848, 0.66524094});
}

TEST_CASE("Activation config is its activation name") {
  Layer layer = layers::Activation("gelu", {.name = "act"});
  CHECK(layer.class_name() == "Activation");
  CHECK(nlohmann::json::parse(layer.get_config()) ==
        nlohmann::json({{"activation", "gelu"}, {"name", "act"}, {"trainable", true}}));
}

TEST_CASE("Activation passes the input mask through") {
  std::optional<Tensor> mask = test::mask_after_embedding(layers::Activation("relu"), {2, 0, 1});
  REQUIRE(mask);
  test::expect_values(*mask, {1, 3}, {1, 0, 1});
}

TEST_CASE("Activation with an unknown name is an error naming the layer") {
  REQUIRE_THROWS_WITH(layers::Activation("rleu", {.name = "act_typo"}),
                      Catch::Contains("Layer 'act_typo' (Activation): unknown activation 'rleu'") &&
                          Catch::Contains("did you mean 'relu'?"));
}
