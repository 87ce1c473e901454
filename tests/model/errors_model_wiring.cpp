// Errors in how a model is wired: inputs that are not Input()s, outputs that
// depend on inputs the model does not take, and two layers with one name.

#include "model_test_util.h"

using namespace lamina;

TEST_CASE("a model input must be an Input tensor") {
  SymbolicTensor x = Input({3});
  SymbolicTensor h = layers::Dense(2, {.name = "mid"})(x);
  CHECK_THROWS_WITH(Model({h}, {h}, "m"),
                    Catch::Contains("Model 'm': input 0 is the output of Layer 'mid' (Dense); model inputs must come from Input()"));
}

TEST_CASE("an output that depends on an input the model does not take is named") {
  SymbolicTensor a = Input({3}, {.name = "a"}), b = Input({3}, {.name = "b"});
  SymbolicTensor s = layers::Lambda("lambda p, q: p + q")({a, b});
  CHECK_THROWS_WITH(Model({a}, {s}, "half"),
                    Catch::Contains("Model 'half': output 0 depends on Input 'b' (None, 3), which is not among the "
                                    "model's inputs (a)"));
}

TEST_CASE("two layers with one name in a model name both") {
  SymbolicTensor x = Input({3});
  SymbolicTensor y = layers::Dense(3, {.name = "twin"})(x);
  SymbolicTensor z = layers::Lambda("x * 2", {.name = "twin"})(y);
  CHECK_THROWS_WITH(Model({x}, {z}, "dupes"), Catch::Contains("Model 'dupes' has two layers named 'twin': Layer 'twin' "
                                                              "(Dense) and Layer 'twin' (Lambda)"));
  CHECK_THROWS_WITH(Sequential({layers::Dense(3, {.name = "same"}), layers::Dense(3, {.name = "same"})}, "seq_dupes"),
                    Catch::Contains("Sequential 'seq_dupes' has two layers named 'same'"));
}

TEST_CASE("layers get Keras names, unique per class") {
  Layer a = layers::Dense(1), b = layers::Dense(1);
  CHECK(a.name().starts_with("dense"));
  CHECK(b.name().starts_with("dense_"));
  CHECK(a.name() != b.name());
  CHECK(layers::Lambda("x").name().starts_with("lambda"));
  CHECK(Input({1}).producer().starts_with("input_"));
}

TEST_CASE("a Sequential layer with two outputs is refused") {
  CHECK_THROWS_WITH(Sequential({layers::Lambda("(x, x)", {.name = "two_out", .input_shape = Shape{2}})}, "s2"),
                    Catch::Contains("Sequential 's2': Layer 'two_out' (Lambda) returns 2 outputs, but each layer of a "
                                    "Sequential must return one"));
}
