// fit's and compile's errors name what is wrong and how to fix it.

#include <catch2/catch.hpp>

#include "train/fixture.h"

using namespace lamina;

TEST_CASE("fit before compile") {
  auto [x, y] = test::regression_data();
  Sequential m = test::regression_model();
  CHECK_THROWS_WITH(m.fit(x, y), Catch::Contains("must be compiled before fit") && Catch::Contains("model.compile"));
  CHECK_THROWS_WITH(m.evaluate(x, y), Catch::Contains("must be compiled before evaluate"));
}

TEST_CASE("unknown loss suggests the closest name") {
  Sequential m = test::regression_model();
  try {
    m.compile({.loss = "categorical_crossentropi"});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.message() == "unknown loss 'categorical_crossentropi'");
    CHECK(e.hint() == "did you mean 'categorical_crossentropy'?");
  }
  try {
    m.compile({.loss = "mse", .metrics = {"accurcy"}});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.message() == "unknown metric 'accurcy'");
    CHECK(e.hint() == "did you mean 'accuracy'?");
  }
  CHECK_THROWS_WITH(m.compile({.loss = ""}), Catch::Contains("compile needs a loss"));
}

TEST_CASE("y of the wrong shape") {
  auto [x, y] = test::regression_data();
  Sequential m = test::regression_model();
  m.compile({.loss = "mse"});
  Tensor wide = Tensor::zeros(DType::Float32, {40, 2});
  CHECK_THROWS_WITH(m.fit(x, wide, {.verbose = 0}),
                    Catch::Contains("y has shape (40, 2) but the model's output has shape (None, 1)"));
  Tensor short_y = Tensor::zeros(DType::Float32, {39, 1});
  CHECK_THROWS_WITH(m.fit(x, short_y, {.verbose = 0}), Catch::Contains("x has 40 samples but y has 39"));
}

TEST_CASE("sparse labels must be class indices") {
  auto [x, y] = test::regression_data();
  Sequential m({lamina::layers::Dense(3, {.activation = "softmax", .input_shape = Shape{3}})});
  m.compile({.loss = "sparse_categorical_crossentropy"});
  Tensor labels = Tensor::zeros(DType::Float32, {40});
  labels.data<float>()[5] = 3;
  CHECK_THROWS_WITH(m.fit(x, labels, {.verbose = 0}), Catch::Contains("y[5] = 3 is not a class index in [0, 3)"));
  CHECK_THROWS_WITH(m.fit(x, Tensor::zeros(DType::Float32, {40, 3}), {.verbose = 0}),
                    Catch::Contains("takes class indices of shape (40,) or (40, 1)"));
}

TEST_CASE("x that does not fit the model") {
  Sequential m = test::regression_model();
  m.compile({.loss = "mse"});
  CHECK_THROWS_WITH(m.fit(Tensor::zeros(DType::Float32, {4, 5}), Tensor::zeros(DType::Float32, {4, 1})),
                    Catch::Contains("must have shape (None, 3), got (4, 5)"));
  auto [x, y] = test::regression_data();
  CHECK_THROWS_WITH(m.fit(x, y, {.batch_size = 0}), Catch::Contains("batch_size must be positive, got 0"));
  CHECK_THROWS_WITH(m.fit(x, y, {.validation_split = 1.0}), Catch::Contains("validation_split must be in [0, 1)"));
}
