#pragma once
// Helpers for the model tests: small tensors from literal values, and running
// a model with both engines (the interpreter is the oracle for the JIT).

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "lamina/model.h"

namespace model_test {

inline lamina::Tensor tensor(lamina::Dims dims, const std::vector<double>& values,
                             lamina::DType dtype = lamina::DType::Float32) {
  lamina::Tensor t = lamina::Tensor::zeros(dtype, dims);
  // Not REQUIRE: tests may build tensors at namespace scope, outside any test case.
  if (static_cast<int64_t>(values.size()) != t.size()) throw std::invalid_argument("tensor(): values do not fill the shape");
  for (size_t i = 0; i < values.size(); ++i) t.set_f64(static_cast<int64_t>(i), values[i]);
  return t;
}

inline std::vector<double> values(const lamina::Tensor& t) {
  std::vector<double> v;
  for (int64_t i = 0; i < t.size(); ++i) v.push_back(t.get_f64(i));
  return v;
}

/// Elementwise |a - b| <= 1e-5 (1 + |b|), with the same shape.
inline void check_close(const lamina::Tensor& got, const lamina::Tensor& want) {
  REQUIRE(got.dims() == want.dims());
  for (int64_t i = 0; i < got.size(); ++i) {
    INFO("element " << i);
    CHECK(std::abs(got.get_f64(i) - want.get_f64(i)) <= 1e-5 * (1 + std::abs(want.get_f64(i))));
  }
}

/// Runs `model` with the interpreter and the JIT; checks they agree and returns the interpreter's outputs.
inline std::vector<lamina::Tensor> predict_both(const lamina::Model& model, const std::vector<lamina::Tensor>& inputs) {
  std::vector<lamina::Tensor> interp = model.predict(inputs, 0, lamina::Engine::Interpreter);
  std::vector<lamina::Tensor> jit = model.predict(inputs, 0, lamina::Engine::Jit);
  REQUIRE(interp.size() == jit.size());
  for (size_t i = 0; i < interp.size(); ++i) check_close(jit[i], interp[i]);
  return interp;
}

}  // namespace model_test
