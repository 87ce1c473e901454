// Layer::compute_mask (Keras): a layer's output masks for concrete inputs and
// input masks, following its mask rule.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("compute_mask follows each layer's mask rule") {
  Tensor tokens = tensor({1, 3}, {2, 0, 1}, DType::Int32);
  std::vector<std::optional<Tensor>> m = layers::Embedding(3, 2, {.mask_zero = true}).compute_mask({tokens});
  REQUIRE(m[0].has_value());
  CHECK(model_test::values(*m[0]) == std::vector<double>{1, 0, 1});

  Tensor x = tensor({1, 3, 2}, {1, 2, 3, 4, 5, 6});
  Tensor given = tensor({1, 3}, {1, 0, 1}, DType::Bool);
  // Dense passes the mask through; a shape-changing Lambda drops it; no mask in, none out.
  m = layers::Dense(4).compute_mask({x}, {given});
  REQUIRE(m[0].has_value());
  CHECK(model_test::values(*m[0]) == std::vector<double>{1, 0, 1});
  CHECK_FALSE(layers::Lambda("sum(x, axis=1)").compute_mask({x}, {given})[0].has_value());
  CHECK_FALSE(layers::Dense(4).compute_mask({x})[0].has_value());
  m = layers::Lambda("x", {.mask = "lambda x, mask: logical_not(mask)"}).compute_mask({x}, {given});
  CHECK(model_test::values(*m[0]) == std::vector<double>{0, 1, 0});
}

TEST_CASE("compute_mask wants one mask per input") {
  Tensor x = tensor({1, 2}, {1, 2});
  CHECK_THROWS_WITH(layers::Add({.name = "adder"}).compute_mask({x, x}, {std::nullopt}),
                    Catch::Contains("Layer 'adder' (Add): 1 mask(s) given for 2 input(s)"));
}
