#pragma once
// A small regression model and data set shared by the training tests.

#include <cmath>

#include "lamina/model.h"

namespace lamina::test {

/// y = sum(x) with x[i, j] = sin(i + 3j): 40 samples of 3 features.
inline std::pair<Tensor, Tensor> regression_data(int64_t n = 40) {
  Tensor x = Tensor::uninitialized(DType::Float32, {n, 3}), y = Tensor::uninitialized(DType::Float32, {n, 1});
  for (int64_t i = 0; i < n; ++i) {
    float s = 0;
    for (int64_t j = 0; j < 3; ++j) s += x.data<float>()[i * 3 + j] = std::sin(static_cast<float>(i + 3 * j));
    y.data<float>()[i] = s;
  }
  return {x, y};
}

/// Dense(8, tanh) -> Dense(1), with fixed initializer seeds.
inline Sequential regression_model() {
  namespace layers = lamina::layers;
  return Sequential({layers::Dense(8, {.activation = "tanh", .seed = 11, .input_shape = Shape{3}}),
                     layers::Dense(1, {.seed = 12})});
}

inline std::vector<double> flat_weights(const Model& m) {
  std::vector<double> out;
  for (const Weight& w : m.weights())
    for (int64_t i = 0; i < w.value.size(); ++i) out.push_back(w.value.get_f64(i));
  return out;
}

}  // namespace lamina::test
