// RepeatVector: (batch, features) → (batch, n, features).

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("RepeatVector repeats each sample n times") {
  Tensor x = tensor({2, 2}, {1, 2, 3, 4});
  test::expect_values(test::run_layer(layers::RepeatVector(3), {x}), {2, 3, 2},
                      {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4});
}

TEST_CASE("RepeatVector config holds n") {
  CHECK(nlohmann::json::parse(layers::RepeatVector(3, {.name = "rep"}).get_config()) ==
        nlohmann::json({{"n", 3}, {"name", "rep"}, {"trainable", true}}));
}

TEST_CASE("RepeatVector errors: n below 1, input not 2D") {
  REQUIRE_THROWS_WITH(layers::RepeatVector(0, {.name = "rep_zero"}),
                      Catch::Contains("Layer 'rep_zero' (RepeatVector) got n=0"));
  REQUIRE_THROWS_WITH(layers::RepeatVector(2, {.name = "rep_3d"})(Input({2, 3})),
                      Catch::Contains("Layer 'rep_3d' (RepeatVector) expects a 2D input (batch, features), got "
                                      "shape (None, 2, 3)"));
}
