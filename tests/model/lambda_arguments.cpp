// Lambda `arguments` (Keras): scalars, lists and tensors bound by name to the
// body's parameters; the remaining parameters are the layer's inputs.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("arguments bind scalars, lists and tensors by name") {
  SymbolicTensor x = Input({3});
  Layer l = layers::Lambda("lambda x, factor, axes, offset: sum(x * factor, axis=axes) + offset",
                           {.arguments = {{"factor", 2.5}, {"axes", Argument::List{1}}, {"offset", tensor({}, {-1})}}});
  Model model({x}, {l(x)});
  CHECK(l.compute_output_shape({{std::nullopt, 3}})[0] == Shape{std::nullopt});
  // (1 + 2 + 3) * 2.5 - 1 = 14
  model_test::check_close(model_test::predict_both(model, {tensor({1, 3}, {1, 2, 3})})[0], tensor({1}, {14}));
  CHECK(l.get_config().find("\"factor\":2.5") != std::string::npos);
}

TEST_CASE("an argument may come before an input in the header") {
  SymbolicTensor a = Input({2}), b = Input({2});
  Model model({a, b}, {layers::Lambda("lambda k, p, q: p * k + q", {.arguments = {{"k", 10}}})({a, b})});
  model_test::check_close(model_test::predict_both(model, {tensor({1, 2}, {1, 2}), tensor({1, 2}, {3, 4})})[0],
                          tensor({1, 2}, {13, 24}));
}
