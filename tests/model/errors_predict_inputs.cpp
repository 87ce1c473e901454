// predict checks its inputs against the model's, naming the inputs.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("predict with the wrong number of inputs lists the expected ones") {
  SymbolicTensor a = Input({2}, {.name = "a"}), b = Input({2}, {.name = "b"});
  Model model({a, b}, {layers::Lambda("lambda p, q: p + q")({a, b})}, "pair");
  CHECK_THROWS_WITH(model.predict({tensor({1, 2}, {1, 2})}),
                    Catch::Contains("Model 'pair': expected 2 inputs (a, b), got 1"));
}

TEST_CASE("predict with a wrong shape, dtype or batch names the input") {
  SymbolicTensor a = Input({2}, {.name = "a"}), b = Input({2}, {.name = "b"});
  Model model({a, b}, {layers::Lambda("lambda p, q: p + q")({a, b})}, "pair2");
  for (Engine engine : {Engine::Interpreter, Engine::Jit}) {
    CHECK_THROWS_WITH(model.predict({tensor({1, 3}, {1, 2, 3}), tensor({1, 2}, {1, 2})}, 0, engine),
                      Catch::Contains("Model 'pair2': input 'a' must have shape (None, 2), got (1, 3)"));
    CHECK_THROWS_WITH(model.predict({tensor({1, 2}, {1, 2}), tensor({1, 2}, {1, 2}, DType::Int32)}, 0, engine),
                      Catch::Contains("Model 'pair2': input 'b' must be float32, got int32"));
    CHECK_THROWS_WITH(model.predict({tensor({1, 2}, {1, 2}), tensor({2, 2}, {1, 2, 3, 4})}, 0, engine),
                      Catch::Contains("Model 'pair2': inputs 'a' and 'b' have different batch sizes (1 and 2)"));
  }
}
