// BatchNormalization at inference: (x - moving_mean) / sqrt(moving_variance +
// epsilon) * gamma + beta, the moving statistics non-trainable weights.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("BatchNormalization has Keras' four weights") {
  Layer bn = layers::BatchNormalization({.name = "bn"});
  bn.build({{std::nullopt, 2}});
  std::vector<Weight> w = bn.weights();
  REQUIRE(w.size() == 4);
  CHECK(w[0].name == "bn/gamma");
  CHECK(w[1].name == "bn/beta");
  CHECK(w[2].name == "bn/moving_mean");
  CHECK(w[3].name == "bn/moving_variance");
  CHECK(test::values(w[0].value) == std::vector<double>{1, 1});
  CHECK(test::values(w[1].value) == std::vector<double>{0, 0});
  CHECK(test::values(w[2].value) == std::vector<double>{0, 0});
  CHECK(test::values(w[3].value) == std::vector<double>{1, 1});
  CHECK(bn.trainable_weights().size() == 2);
  CHECK(bn.non_trainable_weights().size() == 2);
  CHECK(bn.count_params() == 8);
}

TEST_CASE("BatchNormalization uses the moving statistics") {
  Layer bn = layers::BatchNormalization();
  Tensor x = tensor({2, 2}, {3, 0, 1, -1});
  Model model = test::model_of(bn, {x});
  // Fresh weights: x / sqrt(1 + 1e-3).
  test::expect_values(test::predict_both(model, {x}).at(0), {2, 2},
                      {3 * 0.99950037, 0, 0.99950037, -0.99950037});
  bn.set_weights({tensor({2}, {2, 1}), tensor({2}, {1, 0}), tensor({2}, {1, -1}), tensor({2}, {4, 0.25})});
  // numpy: (x - [1, -1]) / np.sqrt([4, 0.25] + 1e-3) * [2, 1] + [1, 0]
  test::expect_values(test::predict_both(model, {x}).at(0), {2, 2}, {2.99975005, 1.99601196, 1, 0});
}

TEST_CASE("BatchNormalization along the channel axis 1") {
  Layer bn = layers::BatchNormalization({.axis = 1});
  Tensor x = tensor({1, 2, 2}, {3, 0, 1, -1});
  Model model = test::model_of(bn, {x});
  bn.set_weights({tensor({2}, {2, 1}), tensor({2}, {1, 0}), tensor({2}, {1, -1}), tensor({2}, {4, 0.25})});
  // numpy, with each weight reshaped to (1, 2, 1): row 0 uses channel 0, row 1 channel 1.
  test::expect_values(test::predict_both(model, {x}).at(0), {1, 2, 2}, {2.99975005, 0.00012498, 3.99202392, 0});
}

TEST_CASE("BatchNormalization config and mask") {
  CHECK(nlohmann::json::parse(layers::BatchNormalization({.momentum = 0.9, .center = false, .name = "bn"}).get_config()) ==
        nlohmann::json({{"axis", -1}, {"epsilon", 1e-3}, {"momentum", 0.9}, {"center", false}, {"scale", true},
                        {"name", "bn"}, {"trainable", true}}));
  std::optional<Tensor> mask = test::mask_after_embedding(layers::BatchNormalization(), {0, 0, 2});
  REQUIRE(mask);
  test::expect_values(*mask, {1, 3}, {0, 0, 1});
}

TEST_CASE("BatchNormalization errors name the layer and the shape") {
  REQUIRE_THROWS_WITH(layers::BatchNormalization({.name = "bn_none"})(Input({2, std::nullopt})),
                      Catch::Contains("Layer 'bn_none' (BatchNormalization) needs the size of axis -1 known to create "
                                      "its weights, got shape (None, 2, None)"));
  REQUIRE_THROWS_WITH(layers::BatchNormalization({.axis = 0, .name = "bn_batch"})(Input({2})),
                      Catch::Contains("Layer 'bn_batch' (BatchNormalization) got axis=0 for an input of shape (None, 2): "
                                      "that is the batch axis"));
}
