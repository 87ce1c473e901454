// Bad layer options are refused when the layer is made, naming it.

#include "model_test_util.h"

using namespace lamina;

TEST_CASE("an unknown activation suggests the nearest one") {
  try {
    layers::Dense(3, {.activation = "relux", .name = "act"});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.message() == "Layer 'act' (Dense): unknown activation 'relux'");
    CHECK(e.hint() == "did you mean 'relu'?");
  }
}

TEST_CASE("Dense units must be positive") {
  CHECK_THROWS_WITH(layers::Dense(0, {.name = "none"}), Catch::Contains("Layer 'none' (Dense): units must be positive, got 0"));
}

TEST_CASE("a Lambda that does not parse is refused when made") {
  CHECK_THROWS_WITH(layers::Lambda("lambda x: x +", {.name = "broken"}), Catch::Contains("Layer 'broken' (Lambda): "));
}

TEST_CASE("a Lambda without inputs is refused") {
  CHECK_THROWS_WITH(layers::Lambda("lambda: 1.0", {.name = "constant"}),
                    Catch::Contains("Layer 'constant' (Lambda): the lambda takes no input"));
}

TEST_CASE("an unknown initializer names the layer") {
  CHECK_THROWS_WITH(layers::Dense(2, {.kernel_initializer = "glorot", .name = "init"})(Input({2})),
                    Catch::Contains("Layer 'init' (Dense): unknown initializer 'glorot'"));
}
