// Keras docs warn that a Lambda cannot hold trainable weights; in Lamina a
// `param(...)` in the body is the layer's weight, listed, counted and settable.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("a param in a Lambda body is a trainable weight of the layer") {
  SymbolicTensor x = Input({3});
  Layer scale = layers::Lambda("lambda x:\n  scale = param(shape=(), init=2.0)\n  return x * scale", {.name = "scale"});
  Model model({x}, {scale(x)});
  REQUIRE(scale.trainable_weights().size() == 1);
  CHECK(scale.trainable_weights()[0].name == "scale/scale");
  CHECK(model.count_params() == 1);
  CHECK(model.trainable_weights().size() == 1);

  Tensor in = tensor({1, 3}, {1, -2, 0.5});
  model_test::check_close(model_test::predict_both(model, {in})[0], tensor({1, 3}, {2, -4, 1}));
  scale.set_weights({tensor({}, {-3})});
  model_test::check_close(model_test::predict_both(model, {in})[0], tensor({1, 3}, {-3, 6, -1.5}));
}

TEST_CASE("a param declared trainable=False is a non-trainable weight") {
  SymbolicTensor x = Input({2});
  Layer shift = layers::Lambda("lambda x:\n  b = param(shape=(2,), init=1.0, trainable=False)\n  return x + b");
  Model model({x}, {shift(x)});
  CHECK(shift.trainable_weights().empty());
  REQUIRE(shift.non_trainable_weights().size() == 1);
  CHECK(model.trainable_weights().empty());
  CHECK(model.count_params() == 2);
}
