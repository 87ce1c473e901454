// Each loss and accuracy metric against Keras' formulas worked by hand:
// an identity model makes x the prediction, and evaluate reports the loss.

#include <cmath>

#include <catch2/catch.hpp>

#include "lamina/model.h"

using namespace lamina;
namespace layers = lamina::layers;

namespace {
Tensor matrix(std::vector<float> v, int64_t rows) {
  Tensor t = Tensor::uninitialized(DType::Float32, {rows, static_cast<int64_t>(v.size()) / rows});
  for (size_t i = 0; i < v.size(); ++i) t.data<float>()[i] = v[i];
  return t;
}
Logs score(const std::string& loss, const Tensor& pred, const Tensor& y, std::vector<std::string> metrics = {}) {
  Sequential m({layers::Lambda("lambda x: x", {.input_shape = Shape{pred.dims()[1]}})});
  m.compile({.optimizer = optimizers::SGD(), .loss = loss, .metrics = metrics});
  return m.evaluate(pred, y);
}
const Tensor kPred = matrix({0.2f, 0.8f, 0.6f, 0.4f}, 2);
const Tensor kOneHot = matrix({0, 1, 1, 0}, 2);
}  // namespace

TEST_CASE("mse: mean over features, then over the batch") {
  // sample 1: errors 0.2, 0.2 -> (0.04 + 0.04)/2 = 0.04; sample 2: errors 0.4, 0.4 -> 0.16
  CHECK(score("mse", kPred, kOneHot).at("loss") == Approx((0.04 + 0.16) / 2).epsilon(1e-6));
  CHECK(score("mean_squared_error", kPred, kOneHot).at("loss") == Approx(0.1).epsilon(1e-6));
}

TEST_CASE("mae: mean absolute error") {
  CHECK(score("mae", kPred, kOneHot).at("loss") == Approx((0.2 + 0.4) / 2).epsilon(1e-6));
}

TEST_CASE("categorical_crossentropy: minus the log of the true class's probability") {
  CHECK(score("categorical_crossentropy", kPred, kOneHot).at("loss") ==
        Approx(-(std::log(0.8) + std::log(0.6)) / 2).epsilon(1e-6));
}

TEST_CASE("categorical_crossentropy clips a zero probability to 1e-7") {
  CHECK(score("categorical_crossentropy", matrix({1, 0}, 1), matrix({0, 1}, 1)).at("loss") ==
        Approx(-std::log(1e-7)).epsilon(1e-4));
}

TEST_CASE("categorical_crossentropy normalises the prediction to sum 1") {
  // (0.4, 1.6) / 2 = (0.2, 0.8)
  CHECK(score("categorical_crossentropy", matrix({0.4f, 1.6f}, 1), matrix({0, 1}, 1)).at("loss") ==
        Approx(-std::log(0.8)).epsilon(1e-6));
}

TEST_CASE("sparse_categorical_crossentropy takes class indices") {
  Tensor labels = matrix({1, 0}, 2);  // shape (2, 1)
  CHECK(score("sparse_categorical_crossentropy", kPred, labels).at("loss") ==
        Approx(-(std::log(0.8) + std::log(0.6)) / 2).epsilon(1e-6));
  Tensor flat = Tensor::uninitialized(DType::Int64, {2});
  flat.data<int64_t>()[0] = 1;
  flat.data<int64_t>()[1] = 0;
  CHECK(score("sparse_categorical_crossentropy", kPred, flat).at("loss") ==
        Approx(-(std::log(0.8) + std::log(0.6)) / 2).epsilon(1e-6));
}

TEST_CASE("binary_crossentropy: Keras' clipped formula with epsilon inside the logs") {
  // every element's true-class probability is 0.8 in sample 1 and 0.6 in sample 2
  double expected = (-std::log(0.8 + 1e-7) - std::log(0.6 + 1e-7)) / 2;
  CHECK(score("binary_crossentropy", kPred, kOneHot).at("loss") == Approx(expected).epsilon(1e-6));
  // p = 0 for y = 1: clipped to 1e-7, then log(1e-7 + 1e-7)
  CHECK(score("binary_crossentropy", matrix({0}, 1), matrix({1}, 1)).at("loss") ==
        Approx(-std::log(2e-7)).epsilon(1e-4));
}

TEST_CASE("accuracy follows the loss: categorical, sparse and binary") {
  Tensor pred = matrix({0.2f, 0.8f, 0.3f, 0.7f}, 2);  // argmax 1 and 1
  CHECK(score("categorical_crossentropy", pred, kOneHot, {"accuracy"}).at("accuracy") == Approx(0.5));
  CHECK(score("sparse_categorical_crossentropy", pred, matrix({1, 1}, 2), {"accuracy"}).at("accuracy") == Approx(1.0));
  // binary: thresholds at 0.5 elementwise: (0,1) vs (0,1) right twice; (0,1) vs (1,0) wrong twice
  CHECK(score("binary_crossentropy", pred, kOneHot, {"accuracy"}).at("accuracy") == Approx(0.5));
}

TEST_CASE("a loss as a metric reports the same value") {
  Logs logs = score("mse", kPred, kOneHot, {"mae", "mse"});
  CHECK(logs.at("mae") == Approx(0.3).epsilon(1e-6));
  CHECK(logs.at("mse") == Approx(logs.at("loss")));
}
