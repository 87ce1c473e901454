// Softmax: softmax along an axis; the input mask passes through.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Softmax normalises the last axis by default") {
  // exp([1, 2, 3]) / sum(exp([1, 2, 3])) (numpy); a constant row gives equal shares.
  test::expect_values(test::run_layer(layers::Softmax(), {tensor({2, 3}, {1, 2, 3, 5, 5, 5})}), {2, 3},
                      {0.09003057, 0.24472848, 0.66524094, 1.0 / 3, 1.0 / 3, 1.0 / 3});
}

TEST_CASE("Softmax along another axis") {
  // x[0] = [[1, 1], [1, 3]] along axis 1: column 0 gives [0.5, 0.5]; column 1
  // [1, 3] gives [1, e^2] / (1 + e^2) = [0.11920292, 0.88079708].
  test::expect_values(test::run_layer(layers::Softmax(1), {tensor({1, 2, 2}, {1, 1, 1, 3})}), {1, 2, 2},
                      {0.5, 0.11920292, 0.5, 0.88079708});
}

TEST_CASE("Softmax config holds axis, and the mask passes through") {
  CHECK(nlohmann::json::parse(layers::Softmax(1, {.name = "sm"}).get_config()) ==
        nlohmann::json({{"axis", 1}, {"name", "sm"}, {"trainable", true}}));
  std::optional<Tensor> mask = test::mask_after_embedding(layers::Softmax(), {0, 1, 2});
  REQUIRE(mask);
  test::expect_values(*mask, {1, 3}, {0, 1, 1});
}

TEST_CASE("Softmax over a missing or the batch axis is an error") {
  SymbolicTensor x = Input({3});
  REQUIRE_THROWS_WITH(layers::Softmax(2, {.name = "sm_range"})(x),
                      Catch::Contains("Layer 'sm_range' (Softmax) got axis=2 for an input of shape (None, 3), which "
                                      "has 2 axes"));
  REQUIRE_THROWS_WITH(layers::Softmax(-2, {.name = "sm_batch"})(x),
                      Catch::Contains("Layer 'sm_batch' (Softmax) got axis=-2 for an input of shape (None, 3): that is "
                                      "the batch axis"));
}
