// Permute: reorders the non-batch axes (dims counted from 1, as in Keras).

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Permute swaps the feature axes") {
  // x[0] = [[0, 1, 2], [3, 4, 5]]; its transpose is [[0, 3], [1, 4], [2, 5]].
  Tensor x = tensor({1, 2, 3}, {0, 1, 2, 3, 4, 5});
  test::expect_values(test::run_layer(layers::Permute({2, 1}), {x}), {1, 3, 2}, {0, 3, 1, 4, 2, 5});
  CHECK(layers::Permute({3, 1, 2}).compute_output_shape({{std::nullopt, 2, 3, 4}}) ==
        std::vector<Shape>{{std::nullopt, 4, 2, 3}});
}

TEST_CASE("Permute config holds dims") {
  CHECK(nlohmann::json::parse(layers::Permute({2, 1}, {.name = "perm"}).get_config()) ==
        nlohmann::json({{"dims", {2, 1}}, {"name", "perm"}, {"trainable", true}}));
}

TEST_CASE("Permute dims that are not a permutation are an error") {
  REQUIRE_THROWS_WITH(layers::Permute({1, 1}, {.name = "perm_dup"}),
                      Catch::Contains("Layer 'perm_dup' (Permute) got dims (1, 1), which is not a permutation of 1..2"));
  REQUIRE_THROWS_WITH(layers::Permute({0, 1}, {.name = "perm_zero"}), Catch::Contains("counting from 1"));
  REQUIRE_THROWS_WITH(layers::Permute({}, {.name = "perm_empty"}), Catch::Contains("got dims ()"));
}

TEST_CASE("Permute on an input of another rank is an error naming its shape") {
  SymbolicTensor x = Input({3});
  REQUIRE_THROWS_WITH(layers::Permute({2, 1}, {.name = "perm_rank"})(x),
                      Catch::Contains("Layer 'perm_rank' (Permute) with dims (2, 1) needs an input with 2 axes after "
                                      "the batch axis, got shape (None, 3)"));
}
