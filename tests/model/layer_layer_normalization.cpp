// LayerNormalization: (x - mean) / sqrt(var + epsilon) over an axis of each
// sample, then * gamma + beta. Expected values: numpy, as each test says.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("LayerNormalization normalises each sample's last axis") {
  // Row [1, 2, 3]: mean 2, var 2/3, so [-1, 0, 1] / sqrt(2/3 + 1e-3) = [-1.2238273, 0, 1.2238273];
  // row [2, 2, 2] has var 0: all zeros. Fresh weights are gamma = 1, beta = 0.
  Tensor x = tensor({2, 3}, {1, 2, 3, 2, 2, 2});
  test::expect_values(test::run_layer(layers::LayerNormalization(), {x}), {2, 3},
                      {-1.2238273, 0, 1.2238273, 0, 0, 0});
}

TEST_CASE("LayerNormalization scales by gamma and shifts by beta") {
  Layer ln = layers::LayerNormalization({.name = "ln"});
  Tensor x = tensor({2, 3}, {1, 2, 3, 2, 2, 2});
  Model model = test::model_of(ln, {x});
  std::vector<Weight> w = ln.weights();
  REQUIRE(w.size() == 2);
  CHECK(w[0].name == "ln/gamma");
  CHECK(w[1].name == "ln/beta");
  CHECK(w[0].value.dims() == Dims{3});
  ln.set_weights({tensor({3}, {1, 2, 3}), tensor({3}, {0.5, 0, -0.5})});
  // numpy: (x - m) / np.sqrt(v + 1e-3) * [1, 2, 3] + [0.5, 0, -0.5]
  test::expect_values(test::predict_both(model, {x}).at(0), {2, 3},
                      {-0.72382734, 0, 3.17148203, 0.5, 0, -0.5});
}

TEST_CASE("LayerNormalization along a middle axis broadcasts its weights along it") {
  Layer ln = layers::LayerNormalization({.axis = 1});
  Tensor x = tensor({1, 2, 2}, {1, 5, 3, 1});
  Model model = test::model_of(ln, {x});
  ln.set_weights({tensor({2}, {1, 2}), tensor({2}, {0, 10})});
  // numpy: m = x.mean(axis=1, keepdims=True); v = x.var(axis=1, keepdims=True);
  // (x - m) / np.sqrt(v + 1e-3) * [1, 2].reshape(1, 2, 1) + [0, 10].reshape(1, 2, 1)
  test::expect_values(test::predict_both(model, {x}).at(0), {1, 2, 2},
                      {-0.99950037, 0.99987502, 11.99900075, 8.00024995});
}

TEST_CASE("LayerNormalization without center or scale has fewer weights") {
  Layer ln = layers::LayerNormalization({.center = false, .scale = true});
  ln.build({{std::nullopt, 4}});
  REQUIRE(ln.weights().size() == 1);
  CHECK(ln.weights()[0].name == ln.name() + "/gamma");
  Layer bare = layers::LayerNormalization({.center = false, .scale = false});
  Tensor x = tensor({1, 3}, {1, 2, 3});
  test::expect_values(test::run_layer(bare, {x}), {1, 3}, {-1.2238273, 0, 1.2238273});
  CHECK(bare.weights().empty());
}

TEST_CASE("LayerNormalization config and mask") {
  CHECK(nlohmann::json::parse(layers::LayerNormalization({.axis = 1, .epsilon = 1e-5, .name = "ln"}).get_config()) ==
        nlohmann::json({{"axis", 1}, {"epsilon", 1e-5}, {"center", true}, {"scale", true}, {"name", "ln"},
                        {"trainable", true}}));
  std::optional<Tensor> mask = test::mask_after_embedding(layers::LayerNormalization(), {3, 0, 2});
  REQUIRE(mask);
  test::expect_values(*mask, {1, 3}, {1, 0, 1});
}

TEST_CASE("LayerNormalization errors name the layer and the shape") {
  REQUIRE_THROWS_WITH(layers::LayerNormalization({.name = "ln_none"})(Input({std::nullopt})),
                      Catch::Contains("Layer 'ln_none' (LayerNormalization) needs the size of axis -1 known to create "
                                      "its weights, got shape (None, None)"));
  REQUIRE_THROWS_WITH(layers::LayerNormalization({.axis = 2, .name = "ln_axis"})(Input({3})),
                      Catch::Contains("Layer 'ln_axis' (LayerNormalization) got axis=2 for an input of shape "
                                      "(None, 3), which has 2 axes"));
  REQUIRE_THROWS_WITH(layers::LayerNormalization({.epsilon = -1, .name = "ln_eps"}),
                      Catch::Contains("Layer 'ln_eps' (LayerNormalization) got epsilon=-1.0"));
}
