// The elementwise merge layers: Add, Subtract, Multiply, Average, Maximum,
// Minimum. Inputs broadcast; the output mask is the and of the input masks.

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Merge layers combine two or more inputs elementwise") {
  Tensor a = tensor({2, 2}, {1, 5, -2, 0});
  Tensor b = tensor({2, 2}, {3, 4, 6, -1});
  Tensor c = tensor({2, 2}, {2, 6, 1, 1});
  test::expect_values(test::run_layer(layers::Add(), {a, b, c}), {2, 2}, {6, 15, 5, 0});
  test::expect_values(test::run_layer(layers::Subtract(), {a, b}), {2, 2}, {-2, 1, -8, 1});
  test::expect_values(test::run_layer(layers::Multiply(), {a, b, c}), {2, 2}, {6, 120, -12, 0});
  test::expect_values(test::run_layer(layers::Average(), {a, b, c}), {2, 2}, {2, 5, 5.0 / 3, 0});
  test::expect_values(test::run_layer(layers::Maximum(), {a, b, c}), {2, 2}, {3, 6, 6, 1});
  test::expect_values(test::run_layer(layers::Minimum(), {a, b, c}), {2, 2}, {1, 4, -2, -1});
}

TEST_CASE("Merge layers broadcast a size-1 axis") {
  Tensor a = tensor({2, 2}, {1, 5, -2, 0});
  Tensor col = tensor({2, 1}, {10, 100});
  test::expect_values(test::run_layer(layers::Add(), {a, col}), {2, 2}, {11, 15, 98, 100});
  CHECK(layers::Multiply().compute_output_shape({{std::nullopt, 1, 4}, {std::nullopt, 3, 1}}) ==
        std::vector<Shape>{{std::nullopt, 3, 4}});
}

TEST_CASE("Add keeps an integer dtype, Average divides in float") {
  Tensor i = tensor({1, 2}, {1, 2}, DType::Int32);
  Tensor j = tensor({1, 2}, {4, 4}, DType::Int32);
  Tensor sum = test::run_layer(layers::Add(), {i, j});
  CHECK(sum.dtype() == DType::Int32);
  test::expect_values(sum, {1, 2}, {5, 6});
  Tensor mean = test::run_layer(layers::Average(), {i, j});
  CHECK(mean.dtype() == DType::Float32);
  test::expect_values(mean, {1, 2}, {2.5, 3});
}

TEST_CASE("Merge layer configs are empty besides name and trainable") {
  for (Layer layer : {layers::Add({.name = "m"}), layers::Subtract({.name = "m"}), layers::Multiply({.name = "m"}),
                      layers::Average({.name = "m"}), layers::Maximum({.name = "m"}), layers::Minimum({.name = "m"})})
    CHECK(nlohmann::json::parse(layer.get_config()) == nlohmann::json({{"name", "m"}, {"trainable", true}}));
}

TEST_CASE("Merge layer masks are the and of the input masks") {
  SymbolicTensor p = Input({3}, {.dtype = DType::Int32});
  SymbolicTensor q = Input({3}, {.dtype = DType::Int32});
  SymbolicTensor v = Input({3, 2});
  SymbolicTensor ep = layers::Embedding(4, 2, {.mask_zero = true})(p);
  SymbolicTensor eq = layers::Embedding(4, 2, {.mask_zero = true})(q);
  Model model({p, q, v}, {layers::Add()({ep, eq}), layers::Maximum()({ep, v}), layers::Minimum()({v, v})});
  // p != 0 = [T, F, T] and q != 0 = [T, T, F]; an input without a mask counts as all-true.
  std::vector<std::optional<Tensor>> masks = model.compute_masks(
      {tensor({1, 3}, {1, 0, 2}, DType::Int32), tensor({1, 3}, {1, 2, 0}, DType::Int32), tensor({1, 3, 2}, {0, 0, 0, 0, 0, 0})});
  REQUIRE(masks.size() == 3);
  REQUIRE(masks[0]);
  test::expect_values(*masks[0], {1, 3}, {1, 0, 0});
  REQUIRE(masks[1]);
  test::expect_values(*masks[1], {1, 3}, {1, 0, 1});
  CHECK_FALSE(masks[2]);
}

TEST_CASE("Merge layers refuse shapes that do not broadcast, naming layer and shapes") {
  SymbolicTensor x = Input({3});
  SymbolicTensor y = Input({4});
  REQUIRE_THROWS_WITH(layers::Add({.name = "add_bad"})({x, y}),
                      Catch::Contains("Layer 'add_bad' (Add) got shapes (None, 3) and (None, 4) that do not broadcast") &&
                          Catch::Contains("axis 1: 3 vs 4"));
  REQUIRE_THROWS_WITH(layers::Maximum({.name = "max_bad"})({x, x, y}),
                      Catch::Contains("Layer 'max_bad' (Maximum) got shapes (None, 3), (None, 3) and (None, 4)"));
  REQUIRE_THROWS_WITH(layers::Multiply({.name = "mul_rank"})({x, Input({2, 3})}),
                      Catch::Contains("Layer 'mul_rank' (Multiply) got inputs of different ranks: (None, 3) and "
                                      "(None, 2, 3)"));
}

TEST_CASE("Merge layers check their input count") {
  SymbolicTensor x = Input({3});
  REQUIRE_THROWS_WITH(layers::Add({.name = "add_one"})(std::vector<SymbolicTensor>{x}),
                      Catch::Contains("Layer 'add_one' (Add) takes 2 or more inputs, got 1"));
  REQUIRE_THROWS_WITH(layers::Subtract({.name = "sub_three"})({x, x, x}),
                      Catch::Contains("Layer 'sub_three' (Subtract) takes 2 inputs, got 3"));
  // Building directly (without Layer::call's check) gives the same kind of message.
  REQUIRE_THROWS_WITH(layers::Average({.name = "avg_one"}).build({{std::nullopt, 3}}),
                      Catch::Contains("Layer 'avg_one' (Average) needs at least 2 inputs, got 1"));
}
