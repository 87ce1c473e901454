// Keras docs: `model.add(layers::Lambda(lambda x: x ** 2))` — a Lambda squaring its input.

#include "model_test_util.h"

using namespace lamina;
using layers::Dense;
using model_test::tensor;

TEST_CASE("Lambda x ** 2 in a Sequential squares each element") {
  Sequential model({layers::Lambda("lambda x: x ** 2", {.input_shape = Shape{3}})});
  Tensor x = tensor({2, 3}, {1, -2, 3, 0.5, 0, -4});
  std::vector<Tensor> out = model_test::predict_both(model, {x});
  model_test::check_close(out[0], tensor({2, 3}, {1, 4, 9, 0.25, 0, 16}));
  CHECK(model.layers()[0].compute_output_shape({{std::nullopt, 3}}) == std::vector<Shape>{{std::nullopt, 3}});
}

TEST_CASE("Lambda without a header takes its one input as x") {
  SymbolicTensor in = Input({2});
  Model model({in}, {layers::Lambda("x ** 2")(in)});
  std::vector<Tensor> out = model_test::predict_both(model, {tensor({1, 2}, {3, -1})});
  model_test::check_close(out[0], tensor({1, 2}, {9, 1}));
}
