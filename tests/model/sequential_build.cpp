// Sequential: built at once from the first layer's input_shape, or on the
// first predict from the input's shape; add() and pop() change the chain.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("a Sequential without input_shape builds on its first predict") {
  Sequential model({layers::Lambda("x * 3"), layers::Lambda("x - 1")}, "deferred");
  CHECK_THROWS_WITH(model.summary(), Catch::Contains("Sequential 'deferred' has no layers connected yet"));
  model_test::check_close(model_test::predict_both(model, {tensor({2, 2}, {1, 2, 3, 4})})[0],
                          tensor({2, 2}, {2, 5, 8, 11}));
  CHECK(model.inputs()[0].shape() == Shape{std::nullopt, 2});
}

TEST_CASE("add and pop change a built Sequential") {
  Sequential model({layers::Lambda("x * 3", {.input_shape = Shape{2}})});
  model.add(layers::Lambda("x + 1"));
  CHECK(model.layers().size() == 2);
  model_test::check_close(model.predict(tensor({1, 2}, {1, 2})), tensor({1, 2}, {4, 7}));
  model.pop();
  CHECK(model.layers().size() == 1);
  model_test::check_close(model.predict(tensor({1, 2}, {1, 2})), tensor({1, 2}, {3, 6}));
  model.pop();
  CHECK_THROWS_WITH(model.pop(), Catch::Contains("has no layers to pop"));
}

TEST_CASE("a layer that does not fit is not added") {
  Sequential model({layers::Dense(3, {.input_shape = Shape{2}})});
  CHECK_THROWS(model.add(layers::Lambda("lambda p, q: p + q")));
  CHECK(model.layers().size() == 1);
}
