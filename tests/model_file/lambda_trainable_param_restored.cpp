// A Lambda's param(...) weight is saved with the file and restored on load
// (not re-initialised), trainable or not.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"

using namespace lamina;
namespace layers = lamina::layers;

namespace {
Tensor floats(std::vector<float> values, Dims dims) {
  Tensor t = Tensor::zeros(DType::Float32, dims);
  for (size_t i = 0; i < values.size(); ++i) t.data<float>()[i] = values[i];
  return t;
}
}  // namespace

TEST_CASE("a Lambda's trainable and non-trainable params are restored from the file") {
  SymbolicTensor x = Input({2}, {.name = "x"});
  Layer scale = layers::Lambda("lambda x:\n  s = param(shape=(2,), init=1.0)\n  return x * s", {.name = "scale"});
  Layer shift = layers::Lambda("lambda x:\n  b = param(shape=(2,), init=0.0, trainable=False)\n  return x + b",
                               {.name = "shift"});
  Model model({x}, {shift(scale(x))}, "params");
  scale.set_weights({floats({3.0f, -2.0f}, {2})});
  shift.set_weights({floats({0.5f, 0.25f}, {2})});

  Model back = parse_model(serialize_model(model));
  std::vector<Weight> w = back.weights();
  REQUIRE(w.size() == 2);
  CHECK(w[0].name == "scale/s");
  CHECK(w[0].trainable);
  CHECK(w[0].value.data<float>()[0] == 3.0f);
  CHECK(w[0].value.data<float>()[1] == -2.0f);
  CHECK(w[1].name == "shift/b");
  CHECK_FALSE(w[1].trainable);
  CHECK(w[1].value.data<float>()[1] == 0.25f);
  // 1 * 3 + 0.5, 1 * -2 + 0.25
  Tensor y = back.predict(floats({1.0f, 1.0f}, {1, 2}), 0, Engine::Interpreter);
  CHECK(y.data<float>()[0] == 3.5f);
  CHECK(y.data<float>()[1] == -1.75f);
}
