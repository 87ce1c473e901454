// Keras docs: the antirectifier Lambda — centre each sample, l2-normalise it,
// and return its positive and negative parts side by side (twice the width).

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

namespace {

const char* kAntirectifier = R"(lambda x:
    x -= mean(x, axis=1, keepdims=True)
    x = l2_normalize(x, axis=1)
    pos = relu(x)
    neg = relu(-x)
    return concat([pos, neg], axis=1)
)";

}  // namespace

TEST_CASE("antirectifier Lambda doubles the width and splits signs") {
  SymbolicTensor x = Input({4});
  SymbolicTensor y = layers::Lambda(kAntirectifier, {.output_shape = Shape{8}})(x);
  CHECK(y.shape() == Shape{std::nullopt, 8});
  Model model({x}, {y});
  // NumPy: x - x.mean(1); x / sqrt(sum(x*x, 1)); concat([max(x, 0), max(-x, 0)], 1).
  // Row [1, 2, 3, 6] → centred [-2, -1, 0, 3] / sqrt(14).
  // Row [-1, 0, 0, 5] → centred [-2, -1, -1, 4] / sqrt(22).
  std::vector<Tensor> out = model_test::predict_both(model, {tensor({2, 4}, {1, 2, 3, 6, -1, 0, 0, 5})});
  model_test::check_close(out[0], tensor({2, 8}, {0, 0, 0, 0.8017837, 0.5345225, 0.2672612, 0, 0,  //
                                                  0, 0, 0, 0.8528029, 0.4264014, 0.2132007, 0.2132007, 0}));
}

TEST_CASE("antirectifier output_shape may be given as a shape function") {
  SymbolicTensor x = Input({4});
  SymbolicTensor y =
      layers::Lambda(kAntirectifier, {.output_shape_function = "lambda s: (s[0], s[1] * 2)"})(x);
  CHECK(y.shape() == Shape{std::nullopt, 8});
}
