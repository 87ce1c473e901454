// relu(x, alpha=0.0, max_value=None, threshold=0.0) exactly as K.relu (and
// keras.activations.relu with negative_slope). Expected values from Keras'
// formula evaluated in NumPy.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({8}, {-3, -1, -0.5, 0, 0.5, 1, 2.5, 7}); }
}  // namespace

TEST_CASE("relu clamps negatives to zero", "[relu][activations]") {
  expect_values(eval("relu(x)", x()), {8}, {0, 0, 0, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("K.relu(x)", x()), {8}, {0, 0, 0, 0, 0.5, 1, 2.5, 7});
}

TEST_CASE("relu with alpha leaks the negative side", "[relu][activations]") {
  expect_values(eval("relu(x, alpha=0.1)", x()), {8}, {-0.3, -0.1, -0.05, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("relu(x, 0.1)", x()), {8}, {-0.3, -0.1, -0.05, 0, 0.5, 1, 2.5, 7});
  expect_values(eval("relu(x, negative_slope=0.1)", x()), {8}, {-0.3, -0.1, -0.05, 0, 0.5, 1, 2.5, 7});
}

TEST_CASE("relu with max_value caps the positive side", "[relu][activations]") {
  expect_values(eval("relu(x, max_value=2)", x()), {8}, {0, 0, 0, 0, 0.5, 1, 2, 2});
  expect_values(eval("relu(x, max_value=6.0)", x()), {8}, {0, 0, 0, 0, 0.5, 1, 2.5, 6});
}

TEST_CASE("relu with threshold zeroes everything up to the threshold", "[relu][activations]") {
  expect_values(eval("relu(x, threshold=1.0)", x()), {8}, {0, 0, 0, 0, 0, 0, 2.5, 7});
  // A negative threshold lets values above it through, negative ones included.
  expect_values(eval("relu(x, threshold=-1.0)", x()), {8}, {0, 0, -0.5, 0, 0.5, 1, 2.5, 7});
}

TEST_CASE("relu combines alpha, max_value and threshold as Keras does", "[relu][activations]") {
  expect_values(eval("relu(x, alpha=0.1, max_value=2)", x()), {8}, {-0.3, -0.1, -0.05, 0, 0.5, 1, 2, 2});
  // With a threshold the negative part is alpha * relu(threshold - x).
  expect_values(eval("relu(x, alpha=0.1, threshold=1.0)", x()), {8}, {-0.4, -0.2, -0.15, -0.1, -0.05, 0, 2.5, 7});
  expect_values(eval("relu(x, alpha=0.1, max_value=2.0, threshold=1.0)", x()), {8},
                {-0.4, -0.2, -0.15, -0.1, -0.05, 0, 2, 2});
  expect_values(eval("relu(x, max_value=6, threshold=0.5)", x()), {8}, {0, 0, 0, 0, 0, 1, 2.5, 6});
}

TEST_CASE("relu keeps NaN and handles infinities", "[relu][activations]") {
  expect_values(eval("relu(x)", tensor({3}, {NAN, INFINITY, -INFINITY})), {3}, {NAN, INFINITY, 0});
  expect_values(eval("relu(x, max_value=2)", tensor({2}, {INFINITY, -INFINITY})), {2}, {2, 0});
}

TEST_CASE("relu keeps the dtype of int and float64 tensors", "[relu][activations]") {
  Tensor i = eval("relu(x)", tensor({3}, {-2, 0, 3}, DType::Int32));
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {3}, {0, 0, 3});
  CHECK(eval("relu(x)", tensor({1}, {1}, DType::Float64)).dtype() == DType::Float64);
  Tensor leaky = eval("relu(x, alpha=0.5)", tensor({2}, {-2, 3}, DType::Int32));
  CHECK(leaky.dtype() == DType::Float32);
  expect_values(leaky, {2}, {-1, 3});
}

TEST_CASE("relu's options must be numbers", "[relu][activations][errors]") {
  test::expect_error(test::compile_error("relu(x, alpha=\"a\")", {std::nullopt, 4}),
                     "argument 'alpha' of relu() must be a number, but it is the string 'a'", 1, 15);
  test::expect_error(test::compile_error("relu(x, max_value=\"a\")", {std::nullopt, 4}),
                     "argument 'max_value' of relu() must be a number", 1, 19);
  test::expect_error(test::compile_error("relu(x, maxvalue=2)", {std::nullopt, 4}),
                     "relu() got an unexpected keyword argument 'maxvalue'", 1, 9);
}
