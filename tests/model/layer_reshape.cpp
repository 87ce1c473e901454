// Reshape: the values of each sample in target_shape (no batch axis, one -1
// allowed); a target whose size does not match is an error naming both shapes.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Reshape keeps each sample's values in C order") {
  // numpy: np.arange(12).reshape(2, 6).reshape(2, 2, 3)
  Tensor x = tensor({2, 6}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  test::expect_values(test::run_layer(layers::Reshape({2, 3}), {x}), {2, 2, 3}, test::values(x));
  test::expect_values(test::run_layer(layers::Reshape({3, -1}), {x}), {2, 3, 2}, test::values(x));
  CHECK(layers::Reshape({-1, 2}).compute_output_shape({{std::nullopt, 3, 4}}) ==
        std::vector<Shape>{{std::nullopt, 6, 2}});
}

TEST_CASE("Reshape config holds target_shape") {
  CHECK(nlohmann::json::parse(layers::Reshape({3, -1}, {.name = "rs"}).get_config()) ==
        nlohmann::json({{"target_shape", {3, -1}}, {"name", "rs"}, {"trainable", true}}));
}

TEST_CASE("Reshape to a size that does not match is an error naming both shapes") {
  Layer layer = layers::Reshape({4, 2}, {.name = "rs_bad"});
  SymbolicTensor x = Input({2, 3});
  REQUIRE_THROWS_WITH(layer(x), Catch::Contains("Layer 'rs_bad' (Reshape) cannot reshape an input of shape "
                                                "(None, 2, 3) (6 values per sample) to target_shape (4, 2) (8 values)"));
  REQUIRE_THROWS_WITH(layers::Reshape({4, -1}, {.name = "rs_bad_infer"})(x),
                      Catch::Contains("to target_shape (4, -1) (4 values times the -1 size)"));
}

TEST_CASE("Reshape target_shape with two -1 or a zero is an error") {
  REQUIRE_THROWS_WITH(layers::Reshape({-1, -1}, {.name = "rs_two"}),
                      Catch::Contains("Layer 'rs_two' (Reshape) got target_shape (-1, -1)") &&
                          Catch::Contains("at most one of them -1"));
  REQUIRE_THROWS_WITH(layers::Reshape({0, 3}, {.name = "rs_zero"}), Catch::Contains("got target_shape (0, 3)"));
}

TEST_CASE("Reshape of an input with an unknown size is checked when the model runs") {
  SymbolicTensor x = Input({std::nullopt, 3});
  Model inferred({x}, {layers::Reshape({-1})(x)});
  CHECK(inferred.outputs().at(0).shape() == Shape{std::nullopt, std::nullopt});
  Tensor two_steps = tensor({1, 2, 3}, {1, 2, 3, 4, 5, 6});
  test::expect_values(test::predict_both(inferred, {two_steps}).at(0), {1, 6}, {1, 2, 3, 4, 5, 6});
  Model fixed({x}, {layers::Reshape({4})(x)});
  for (Engine engine : {Engine::Interpreter, Engine::Jit})
    REQUIRE_THROWS_WITH(fixed.predict({two_steps}, 0, engine), Catch::Contains("cannot reshape (1, 2, 3) into (1, 4)"));
}
