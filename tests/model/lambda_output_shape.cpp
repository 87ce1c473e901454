// Lambda output_shape (a tuple, or a shape function) is checked against the
// shape Lamina infers from the body.

#include "model_test_util.h"

using namespace lamina;

TEST_CASE("an output_shape that agrees with the body is accepted") {
  SymbolicTensor x = Input({5});
  CHECK(layers::Lambda("concat([x, x], axis=1)", {.output_shape = Shape{10}})(x).shape() == Shape{std::nullopt, 10});
  CHECK(layers::Lambda("x * 2", {.output_shape = Shape{std::nullopt}})(x).shape() == Shape{std::nullopt, 5});
}

TEST_CASE("an output_shape that disagrees names the layer and both shapes") {
  SymbolicTensor x = Input({20});
  CHECK_THROWS_WITH(layers::Lambda("x * 2", {.output_shape = Shape{10}, .name = "lambda_2"})(x),
                    Catch::Contains("Lambda 'lambda_2': output_shape (None, 10) given, but the body computes (None, 20)"));
  CHECK_THROWS_WITH(layers::Lambda("x * 2", {.output_shape = Shape{20, 1}, .name = "rank"})(x),
                    Catch::Contains("output_shape (None, 20, 1) given, but the body computes (None, 20)"));
}

TEST_CASE("an output shape function is run on the input shape") {
  SymbolicTensor a = Input({3}), b = Input({4});
  SymbolicTensor y = layers::Lambda("lambda p, q: concat([p, q], axis=1)",
                                    {.output_shape_function = "lambda s: (s[0][0], s[0][1] + s[1][1])"})({a, b});
  CHECK(y.shape() == Shape{std::nullopt, 7});
  CHECK_NOTHROW(layers::Lambda("x", {.output_shape_function = "lambda s: (s[0], 3)"})(a));
  CHECK_THROWS_WITH(layers::Lambda("x", {.output_shape_function = "lambda s: (s[0], 4)", .name = "g"})(a),
                    Catch::Contains("Lambda 'g': output_shape_function (None, 4) given, but the body computes (None, 3)"));
  CHECK_THROWS_WITH(layers::Lambda("x", {.output_shape_function = "lambda s: s[9]", .name = "h"})(a),
                    Catch::Contains("Lambda 'h': output_shape_function:"));
}
