// Dropout: the identity at inference; the input mask passes through.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Dropout is the identity at inference") {
  Tensor x = tensor({2, 3}, {-1, 0, 2, -3, 0.5, 4});
  test::expect_values(test::run_layer(layers::Dropout(0.5), {x}), {2, 3}, test::values(x));
  test::expect_values(test::run_layer(layers::Dropout(1.0), {x}), {2, 3}, test::values(x));
}

TEST_CASE("Dropout config holds its rate") {
  Layer layer = layers::Dropout(0.25, {.name = "drop"});
  CHECK(nlohmann::json::parse(layer.get_config()) ==
        nlohmann::json({{"rate", 0.25}, {"name", "drop"}, {"trainable", true}}));
  CHECK(layer.weights().empty());
}

TEST_CASE("Dropout passes the input mask through") {
  std::optional<Tensor> mask = test::mask_after_embedding(layers::Dropout(0.5), {0, 3, 0});
  REQUIRE(mask);
  test::expect_values(*mask, {1, 3}, {0, 1, 0});
}

TEST_CASE("Dropout rate outside 0..1 is an error") {
  REQUIRE_THROWS_WITH(layers::Dropout(1.5, {.name = "bad_drop"}),
                      Catch::Contains("Layer 'bad_drop' (Dropout) got rate=1.5") &&
                          Catch::Contains("a number from 0 to 1"));
  REQUIRE_THROWS_WITH(layers::Dropout(-0.1, {.name = "neg_drop"}), Catch::Contains("got rate=-0.1"));
  REQUIRE_THROWS_WITH(layers::Dropout(std::nan(""), {.name = "nan_drop"}), Catch::Contains("got rate=nan"));
}
