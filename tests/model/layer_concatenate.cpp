// Concatenate: joins inputs along an axis; the other sizes must match. Masks:
// along the last axis the and of the input masks, along another axis the
// masks joined like the inputs (Keras).

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Concatenate joins along the last axis by default") {
  Tensor a = tensor({2, 2}, {1, 2, 3, 4});
  Tensor b = tensor({2, 1}, {5, 6});
  test::expect_values(test::run_layer(layers::Concatenate(), {a, b, a}), {2, 5}, {1, 2, 5, 1, 2, 3, 4, 6, 3, 4});
}

TEST_CASE("Concatenate along a middle axis") {
  // a[0] = [[1, 2]], b[0] = [[3, 4], [5, 6]] → [[1, 2], [3, 4], [5, 6]]
  Tensor a = tensor({1, 1, 2}, {1, 2});
  Tensor b = tensor({1, 2, 2}, {3, 4, 5, 6});
  test::expect_values(test::run_layer(layers::Concatenate(1), {a, b}), {1, 3, 2}, {1, 2, 3, 4, 5, 6});
  CHECK(layers::Concatenate(-2).compute_output_shape({{std::nullopt, 1, 2}, {std::nullopt, 2, 2}}) ==
        std::vector<Shape>{{std::nullopt, 3, 2}});
}

TEST_CASE("Concatenate config holds axis") {
  CHECK(nlohmann::json::parse(layers::Concatenate(1, {.name = "cat"}).get_config()) ==
        nlohmann::json({{"axis", 1}, {"name", "cat"}, {"trainable", true}}));
}

TEST_CASE("Concatenate masks follow Keras") {
  SymbolicTensor p = Input({3}, {.dtype = DType::Int32});
  SymbolicTensor q = Input({2}, {.dtype = DType::Int32});
  SymbolicTensor v = Input({3, 2});
  SymbolicTensor ep = layers::Embedding(4, 2, {.mask_zero = true})(p);
  SymbolicTensor eq = layers::Embedding(4, 2, {.mask_zero = true})(q);
  Model model({p, q, v},
              {layers::Concatenate(1)({ep, eq}), layers::Concatenate()({ep, v}), layers::Concatenate(1)({v, v})});
  std::vector<std::optional<Tensor>> masks = model.compute_masks(
      {tensor({1, 3}, {1, 0, 2}, DType::Int32), tensor({1, 2}, {0, 3}, DType::Int32), tensor({1, 3, 2}, {0, 0, 0, 0, 0, 0})});
  REQUIRE(masks.size() == 3);
  // Along the time axis: [T, F, T] joined with [F, T].
  REQUIRE(masks[0]);
  test::expect_values(*masks[0], {1, 5}, {1, 0, 1, 0, 1});
  // Along the features: [T, F, T] and v's all-true mask.
  REQUIRE(masks[1]);
  test::expect_values(*masks[1], {1, 3}, {1, 0, 1});
  // No input has a mask: neither has the output.
  CHECK_FALSE(masks[2]);
}

TEST_CASE("Concatenate errors name the layer and the shapes") {
  SymbolicTensor x = Input({2, 3});
  REQUIRE_THROWS_WITH(layers::Concatenate(-1, {.name = "cat_bad"})({x, Input({4, 3})}),
                      Catch::Contains("Layer 'cat_bad' (Concatenate) needs inputs whose shapes match except along "
                                      "axis -1, got (None, 2, 3) and (None, 4, 3)") &&
                          Catch::Contains("axis 1: 2 vs 4"));
  REQUIRE_THROWS_WITH(layers::Concatenate(-1, {.name = "cat_rank"})({x, Input({3})}),
                      Catch::Contains("Layer 'cat_rank' (Concatenate) got inputs of different ranks: (None, 2, 3) and "
                                      "(None, 3)"));
  REQUIRE_THROWS_WITH(layers::Concatenate(3, {.name = "cat_axis"})({x, x}),
                      Catch::Contains("Layer 'cat_axis' (Concatenate) got axis=3 for an input of shape (None, 2, 3), "
                                      "which has 3 axes"));
  REQUIRE_THROWS_WITH(layers::Concatenate(0, {.name = "cat_batch"})({x, x}),
                      Catch::Contains("Layer 'cat_batch' (Concatenate) got axis=0 for an input of shape (None, 2, 3): "
                                      "that is the batch axis"));
  REQUIRE_THROWS_WITH(layers::Concatenate(-1, {.name = "cat_one"})(std::vector<SymbolicTensor>{x}),
                      Catch::Contains("Layer 'cat_one' (Concatenate) takes 2 or more inputs, got 1"));
}
