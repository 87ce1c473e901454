// Flatten: (batch, a, b, ...) → (batch, a*b*...) in C order; no mask.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Flatten keeps the batch axis and joins the others in C order") {
  // numpy: np.arange(8).reshape(2, 2, 2).reshape(2, 4)
  Tensor x = tensor({2, 2, 2}, {0, 1, 2, 3, 4, 5, 6, 7});
  test::expect_values(test::run_layer(layers::Flatten(), {x}), {2, 4}, {0, 1, 2, 3, 4, 5, 6, 7});
  CHECK(layers::Flatten().compute_output_shape({{std::nullopt, 2, 3, 4}}) == std::vector<Shape>{{std::nullopt, 24}});
}

TEST_CASE("Flatten of a batch of scalars gives one column") {
  // Keras: Flatten on (None,) gives (None, 1).
  test::expect_values(test::run_layer(layers::Flatten(), {tensor({3}, {1, 2, 3})}), {3, 1}, {1, 2, 3});
}

TEST_CASE("Flatten config and mask") {
  Layer layer = layers::Flatten({.name = "flat"});
  CHECK(nlohmann::json::parse(layer.get_config()) ==
        nlohmann::json({{"data_format", "channels_last"}, {"name", "flat"}, {"trainable", true}}));
  // As in Keras, Flatten does not carry a mask.
  CHECK_FALSE(test::mask_after_embedding(layers::Flatten(), {1, 0, 2}));
}
