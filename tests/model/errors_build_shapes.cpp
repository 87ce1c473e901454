// Build-time errors about shapes name the layer and the shapes involved.

#include "model_test_util.h"

using namespace lamina;

TEST_CASE("Dense needs a known last dim") {
  SymbolicTensor x = Input({std::nullopt});
  CHECK_THROWS_WITH(layers::Dense(4, {.name = "dense_1"})(x),
                    Catch::Contains("Layer 'dense_1' (Dense) expects an input whose last dim is known, got (None, None)"));
}

TEST_CASE("Dense needs a feature axis") {
  SymbolicTensor x = Input({});
  CHECK_THROWS_WITH(layers::Dense(4, {.name = "flat"})(x),
                    Catch::Contains("Layer 'flat' (Dense) expects an input of rank 2 or more (batch, ..., features), got (None,)"));
}

TEST_CASE("merging shapes that do not broadcast names the layer and both shapes") {
  SymbolicTensor a = Input({3}), b = Input({4});
  CHECK_THROWS_WITH(layers::Add({.name = "add"})({a, b}),
                    Catch::Contains("Layer 'add' (Add) got shapes (None, 3) and (None, 4) that do not broadcast"));
}

TEST_CASE("a Lambda body error names the layer and quotes the body") {
  SymbolicTensor a = Input({3});
  try {
    layers::Lambda("lambda x: x + zeros((4,))", {.name = "widths"})(a);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Shape);
    CHECK(e.message().starts_with("Layer 'widths' (Lambda): "));
    CHECK(std::string(e.what()).find("lambda x: x + zeros((4,))") != std::string::npos);  // the quoted source line
  }
}

TEST_CASE("a built layer called on another shape names both") {
  Layer d = layers::Dense(2, {.name = "fixed"});
  d(Input({3}));
  CHECK_THROWS_WITH(d(Input({5})), Catch::Contains("Layer 'fixed' (Dense) was built for input shape(s) (None, 3) and "
                                                   "cannot be called on (None, 5)"));
}

TEST_CASE("a layer called with the wrong number of inputs says how many it takes") {
  SymbolicTensor a = Input({3});
  CHECK_THROWS_WITH(layers::Add({.name = "lonely"})({a}), Catch::Contains("Layer 'lonely' (Add) takes 2 or more inputs, got 1"));
  CHECK_THROWS_WITH(layers::Dense(2, {.name = "one"})({a, a}), Catch::Contains("Layer 'one' (Dense) takes 1 input, got 2"));
  CHECK_THROWS_WITH(layers::Lambda("lambda p, q: p + q", {.name = "two"})(a),
                    Catch::Contains("Layer 'two' (Lambda) takes 2 inputs, got 1"));
}

TEST_CASE("a layer with several outputs called for one says to use call") {
  SymbolicTensor a = Input({3});
  CHECK_THROWS_WITH(layers::Lambda("(x, x)", {.name = "pair"})(a),
                    Catch::Contains("Layer 'pair' (Lambda) returns 2 outputs; call it with call() to get all of them"));
}
