#pragma once
// Helpers for interpreter tests: tensors from value lists, running one output.

#include <cmath>
#include <vector>

#include "interp/interpret.h"
#include "ir/ir_test_util.h"

namespace lamina::test {

inline Tensor make(DType dtype, Dims dims, const std::vector<double>& values) {
  Tensor t = Tensor::zeros(dtype, std::move(dims));
  REQUIRE(static_cast<size_t>(t.size()) == values.size());
  for (int64_t i = 0; i < t.size(); ++i) t.set_f64(i, values[static_cast<size_t>(i)]);
  return t;
}

inline Tensor make_int(DType dtype, Dims dims, const std::vector<int64_t>& values) {
  Tensor t = Tensor::zeros(dtype, std::move(dims));
  REQUIRE(static_cast<size_t>(t.size()) == values.size());
  for (int64_t i = 0; i < t.size(); ++i) t.set_i64(i, values[static_cast<size_t>(i)]);
  return t;
}

inline std::vector<double> floats(const Tensor& t) {
  std::vector<double> v;
  for (int64_t i = 0; i < t.size(); ++i) v.push_back(t.get_f64(i));
  return v;
}

inline std::vector<int64_t> ints(const Tensor& t) {
  std::vector<int64_t> v;
  for (int64_t i = 0; i < t.size(); ++i) v.push_back(t.get_i64(i));
  return v;
}

/// Runs fb's function with `out` as its only output.
inline Tensor run(FunctionBuilder& fb, ir::ValueId out, const std::vector<Tensor>& inputs) {
  fb.f.outputs = {out};
  std::vector<Tensor> results = interpret(fb.f, inputs);
  REQUIRE(results.size() == 1);
  return results[0];
}

/// Element-by-element comparison where NaN equals NaN and floats compare
/// within a relative 1e-6 (the expected values are float64 NumPy results).
inline void check_floats(const Tensor& t, Dims dims, const std::vector<double>& expected) {
  REQUIRE(t.dims() == dims);
  REQUIRE(static_cast<size_t>(t.size()) == expected.size());
  for (int64_t i = 0; i < t.size(); ++i) {
    double got = t.get_f64(i), want = expected[static_cast<size_t>(i)];
    INFO("element " << i << ": got " << got << ", want " << want);
    if (std::isnan(want)) CHECK(std::isnan(got));
    else if (std::isinf(want)) CHECK(got == want);
    else CHECK(got == Approx(want).epsilon(1e-6).margin(1e-12));
  }
}

inline void check_ints(const Tensor& t, Dims dims, const std::vector<int64_t>& expected) {
  REQUIRE(t.dims() == dims);
  CHECK(ints(t) == expected);
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace lamina::test
