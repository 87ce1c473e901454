// Dot: per-sample sums of products along one axis of each input (batch_dot);
// normalize gives cosine similarities. Dot carries no mask (Keras).

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

TEST_CASE("Dot of two vectors per sample") {
  Tensor a = tensor({2, 3}, {1, 2, 3, 1, 0, 0});
  Tensor b = tensor({2, 3}, {4, 5, 6, 0, 1, 0});
  // 1*4 + 2*5 + 3*6 = 32; [1, 0, 0] . [0, 1, 0] = 0. Keras keeps a (batch, 1) result.
  test::expect_values(test::run_layer(layers::Dot({.axes = {1}}), {a, b}), {2, 1}, {32, 0});
  // normalize: 32 / (|a| |b|) = 32 / sqrt(14 * 77) = 0.97463185 (numpy)
  test::expect_values(test::run_layer(layers::Dot({.axes = {-1}, .normalize = true}), {a, b}), {2, 1},
                      {0.97463185, 0});
}

TEST_CASE("Dot of matrices along chosen axes") {
  // a[0] = [[1, 2, 3], [4, 5, 6]], b[0] = [[1, 0, 1], [0, 1, 0]]
  Tensor a = tensor({1, 2, 3}, {1, 2, 3, 4, 5, 6});
  Tensor b = tensor({1, 2, 3}, {1, 0, 1, 0, 1, 0});
  // axes 2: a[0] @ b[0].T = [[1 + 3, 2], [4 + 6, 5]]
  test::expect_values(test::run_layer(layers::Dot({.axes = {2}}), {a, b}), {1, 2, 2}, {4, 2, 10, 5});
  // axes (1, 1): a[0].T @ b[0]; entry (i, j) = a[0][0][i] b[0][0][j] + a[0][1][i] b[0][1][j]
  test::expect_values(test::run_layer(layers::Dot({.axes = {1, 1}}), {a, b}), {1, 3, 3}, {1, 4, 1, 2, 5, 2, 3, 6, 3});
}

TEST_CASE("Dot config: one axis as an int, two as a list") {
  CHECK(nlohmann::json::parse(layers::Dot({.axes = {1}, .name = "d"}).get_config()) ==
        nlohmann::json({{"axes", 1}, {"normalize", false}, {"name", "d"}, {"trainable", true}}));
  CHECK(nlohmann::json::parse(layers::Dot({.axes = {1, 2}, .normalize = true, .name = "d"}).get_config()) ==
        nlohmann::json({{"axes", {1, 2}}, {"normalize", true}, {"name", "d"}, {"trainable", true}}));
}

TEST_CASE("Dot has no output mask") {
  SymbolicTensor ids = Input({3}, {.dtype = DType::Int32});
  SymbolicTensor e = layers::Embedding(4, 2, {.mask_zero = true})(ids);
  Model model({ids}, {layers::Dot({.axes = {2}})({e, e})});
  CHECK_FALSE(model.compute_masks({tensor({1, 3}, {1, 0, 2}, DType::Int32)}).at(0));
}

TEST_CASE("Dot errors name the layer, the axes and the shapes") {
  SymbolicTensor x = Input({3});
  REQUIRE_THROWS_WITH(layers::Dot({.axes = {1}, .name = "dot_bad"})({x, Input({4})}),
                      Catch::Contains("Layer 'dot_bad' (Dot) cannot contract axis 1 of (None, 3) with axis 1 of "
                                      "(None, 4): sizes 3 and 4 differ"));
  REQUIRE_THROWS_WITH(layers::Dot({.axes = {0}, .name = "dot_batch"})({x, x}),
                      Catch::Contains("Layer 'dot_batch' (Dot) got axes=0 for an input of shape (None, 3): that is "
                                      "the batch axis"));
  REQUIRE_THROWS_WITH(layers::Dot({.axes = {1, 2}, .name = "dot_range"})({x, x}),
                      Catch::Contains("Layer 'dot_range' (Dot) got axes[1]=2 for an input of shape (None, 3), which "
                                      "has 2 axes"));
  REQUIRE_THROWS_WITH(layers::Dot({.name = "dot_none"}), Catch::Contains("Layer 'dot_none' (Dot) got 0 axes"));
  REQUIRE_THROWS_WITH(layers::Dot({.axes = {1, 1, 1}, .name = "dot_three"}), Catch::Contains("got 3 axes"));
  REQUIRE_THROWS_WITH(layers::Dot({.axes = {1}, .name = "dot_one"})(std::vector<SymbolicTensor>{x}),
                      Catch::Contains("Layer 'dot_one' (Dot) takes 2 inputs, got 1"));
}
