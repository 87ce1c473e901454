// Writing a layer's weights changes what an already compiled model computes:
// the JIT reads the weights' storage at every run, nothing is recompiled.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("set_weights after a JIT run is seen by the next run without recompiling") {
  SymbolicTensor x = Input({2});
  Layer dense = layers::Dense(1, {.use_bias = false});
  Model model({x}, {layers::Lambda("lambda x: x * 2")(dense(x))});
  dense.set_weights({tensor({2, 1}, {1, 1})});
  Tensor in = tensor({1, 2}, {3, 4});
  model.prepare_jit();
  model_test::check_close(model.predict(in), tensor({1, 1}, {14}));  // (3 + 4) * 2
  dense.set_weights({tensor({2, 1}, {1, -1})});
  CHECK(model.prepare_jit() == 0);  // already compiled
  model_test::check_close(model.predict(in), tensor({1, 1}, {-2}));  // (3 - 4) * 2

  // Writing through the Weight handle works the same way.
  Tensor kernel = dense.weights()[0].value;
  kernel.set_f64(1, 0);
  model_test::check_close(model.predict(in), tensor({1, 1}, {6}));
}

TEST_CASE("set_weights refuses values of the wrong count or shape") {
  Layer dense = layers::Dense(2, {.name = "d"});
  dense.build({{std::nullopt, 3}});
  CHECK_THROWS_WITH(dense.set_weights({tensor({3, 2}, {1, 2, 3, 4, 5, 6})}),
                    Catch::Contains("Layer 'd' (Dense) has 2 weight(s) but 1 value(s) were given"));
  CHECK_THROWS_WITH(dense.set_weights({tensor({2, 3}, {1, 2, 3, 4, 5, 6}), tensor({2}, {0, 0})}),
                    Catch::Contains("weight 'd/kernel' is float32 (3, 2) but the value given is float32 (2, 3)"));
}
