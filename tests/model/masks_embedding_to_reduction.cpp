// Masks with Keras semantics: Embedding(mask_zero) makes one, an elementwise
// Lambda passes it through, a Lambda with a `mask` parameter reads it (a
// masked mean), and a body that changes the shape drops it.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

namespace {

/// Embedding of 4 tokens into 2 features, row i = [i, 10 i]; token 0 is padding.
SymbolicTensor embed(const SymbolicTensor& tokens) {
  Layer e = layers::Embedding(4, 2, {.mask_zero = true});
  SymbolicTensor out = e(tokens);
  e.set_weights({tensor({4, 2}, {0, 0, 1, 10, 2, 20, 3, 30})});
  return out;
}

}  // namespace

TEST_CASE("a mask flows from Embedding through an elementwise Lambda into a masked mean") {
  SymbolicTensor tokens = Input({3}, {.dtype = DType::Int32});
  SymbolicTensor e = embed(tokens);
  SymbolicTensor doubled = layers::Lambda("x * 2")(e);
  SymbolicTensor mean = layers::Lambda(
      "lambda x, mask:\n"
      "  m = expand_dims(cast(mask, 'float32'), -1)\n"
      "  return sum(x * m, axis=1) / sum(m, axis=1)")(doubled);
  Model model({tokens}, {doubled, mean});

  Tensor in = tensor({2, 3}, {1, 2, 0, 3, 0, 0}, DType::Int32);
  std::vector<Tensor> out = model_test::predict_both(model, {in});
  // Row 0: tokens 1, 2 (valid), 0 (padding): doubled [2, 20], [4, 40] → mean [3, 30].
  // Row 1: token 3 alone: [6, 60].
  model_test::check_close(out[1], tensor({2, 2}, {3, 30, 6, 60}));

  std::vector<std::optional<Tensor>> masks = model.compute_masks({in});
  REQUIRE(masks.size() == 2);
  REQUIRE(masks[0].has_value());  // x * 2 passes the Embedding's mask through
  CHECK(masks[0]->dtype() == DType::Bool);
  CHECK(model_test::values(*masks[0]) == std::vector<double>{1, 1, 0, 1, 0, 0});
  CHECK_FALSE(masks[1].has_value());  // the reduction changes the shape: no mask (Keras)
}

TEST_CASE("a Lambda whose body is not elementwise drops the mask") {
  SymbolicTensor tokens = Input({3}, {.dtype = DType::Int32});
  SymbolicTensor e = embed(tokens);
  SymbolicTensor centred = layers::Lambda("x - mean(x, axis=-1, keepdims=True)")(e);
  Model model({tokens}, {centred});
  CHECK_FALSE(model.compute_masks({tensor({1, 3}, {1, 0, 2}, DType::Int32)})[0].has_value());
}

TEST_CASE("the Lambda mask option overrides the default") {
  SymbolicTensor tokens = Input({3}, {.dtype = DType::Int32});
  SymbolicTensor e = embed(tokens);
  SymbolicTensor none = layers::Lambda("x * 2", {.mask = "None"})(e);
  SymbolicTensor shifted = layers::Lambda("x[:, 1:]", {.mask = "lambda x, mask: mask[:, 1:]"})(e);
  SymbolicTensor computed = layers::Lambda("x + 0", {.mask = "lambda x: x[:, :, 0] > 1"})(e);
  Model model({tokens}, {none, shifted, computed});
  std::vector<std::optional<Tensor>> masks = model.compute_masks({tensor({1, 3}, {1, 0, 2}, DType::Int32)});
  CHECK_FALSE(masks[0].has_value());
  REQUIRE(masks[1].has_value());
  CHECK(model_test::values(*masks[1]) == std::vector<double>{0, 1});  // [1, 0, 2] != 0 → [T, F, T] → [F, T]
  REQUIRE(masks[2].has_value());
  CHECK(model_test::values(*masks[2]) == std::vector<double>{0, 0, 1});  // first features 1, 0, 2 > 1
}

TEST_CASE("a mask parameter without an input mask sees every step as valid") {
  SymbolicTensor x = Input({3, 2});
  SymbolicTensor count = layers::Lambda("lambda x, mask: sum(cast(mask, 'float32'), axis=1)")(x);
  Model model({x}, {count});
  Tensor in = Tensor::zeros(DType::Float32, {2, 3, 2});
  model_test::check_close(model_test::predict_both(model, {in})[0], tensor({2}, {3, 3}));
}

TEST_CASE("a mask rule that is not bool is refused") {
  SymbolicTensor x = Input({3});
  CHECK_THROWS_WITH(Model({x}, {layers::Lambda("x * 2", {.mask = "lambda x: x * 1", .name = "badmask"})(x)})
                        .compute_masks({tensor({1, 3}, {1, 2, 3})}),
                    Catch::Contains("Layer 'badmask' (Lambda): a mask must be bool"));
}
