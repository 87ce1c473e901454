// An error while a model runs (a size only known then) names the layer whose
// body failed and quotes that body.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("a run-time error names the layer and quotes its body") {
  SymbolicTensor x = Input({std::nullopt});
  SymbolicTensor y = layers::Lambda("lambda x: x * 2", {.name = "first"})(x);
  SymbolicTensor z = layers::Lambda("lambda x:\n  return reshape(x, (-1, 4))", {.name = "regroup"})(y);
  Model model({x}, {z});
  for (Engine engine : {Engine::Interpreter, Engine::Jit}) {
    try {
      model.predict(tensor({1, 3}, {1, 2, 3}), 0, engine);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.message().starts_with("Layer 'regroup' (Lambda): "));
      CHECK(e.span().line == 2);
      CHECK(std::string(e.what()).find("return reshape(x, (-1, 4))") != std::string::npos);
    }
  }
}
