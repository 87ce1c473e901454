// Masking: a step whose features all equal mask_value is masked and zeroed.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Masking zeroes and masks the steps that equal mask_value") {
  // Steps [0, 0], [1, 0], [0, 0] with mask_value 0: only the middle one is kept.
  Tensor x = tensor({1, 3, 2}, {0, 0, 1, 0, 0, 0});
  test::expect_values(test::run_layer(layers::Masking(), {x}), {1, 3, 2}, {0, 0, 1, 0, 0, 0});
  std::optional<Tensor> mask = test::layer_mask(layers::Masking(), {x});
  REQUIRE(mask);
  test::expect_values(*mask, {1, 3}, {0, 1, 0});
}

TEST_CASE("Masking with another mask_value") {
  // Steps [2, 2] (masked, zeroed) and [2, 1] (kept).
  Tensor x = tensor({1, 2, 2}, {2, 2, 2, 1});
  test::expect_values(test::run_layer(layers::Masking(2.0), {x}), {1, 2, 2}, {0, 0, 2, 1});
  std::optional<Tensor> mask = test::layer_mask(layers::Masking(2.0), {x});
  REQUIRE(mask);
  test::expect_values(*mask, {1, 2}, {0, 1});
}

TEST_CASE("Masking feeds later layers' masks") {
  SymbolicTensor x = Input({2, 2});
  Model model({x}, {layers::Activation("relu")(layers::Masking(-1.0)(x))});
  std::optional<Tensor> mask = model.compute_masks({tensor({1, 2, 2}, {-1, -1, 3, -1})}).at(0);
  REQUIRE(mask);
  test::expect_values(*mask, {1, 2}, {0, 1});
}

TEST_CASE("Masking config and errors") {
  CHECK(nlohmann::json::parse(layers::Masking(-1.0, {.name = "msk"}).get_config()) ==
        nlohmann::json({{"mask_value", -1.0}, {"name", "msk"}, {"trainable", true}}));
  REQUIRE_THROWS_WITH(layers::Masking(0.0, {.name = "msk_rank"})(Input({})),
                      Catch::Contains("Layer 'msk_rank' (Masking) expects an input with a feature axis (batch, ..., "
                                      "features), got shape (None,)"));
}
