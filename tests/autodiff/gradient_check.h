#pragma once
// Gradient checking for the autodiff tests: a lambda is lowered with float64
// inputs, differentiated, and its gradients compared with central finite
// differences of the same function on the reference interpreter.
//
// A lambda whose result is not a scalar is checked as a vector-Jacobian
// product: the loss is sum(v * f(x)) for a fixed random v, which the gradient
// function takes as its cotangent input (Seed::Input).
//
// Tolerance: |ad - fd| <= atol + rtol * max(|ad|, |fd|). With steps of
// h = 1e-5 * max(1, |x|), central differences in float64 are accurate to about
// h^2 * |f'''| + 1e-16 * |f| / h, a few 1e-10 for the smooth functions and
// points used here; the defaults (1e-7 absolute, 1e-6 relative) leave margin.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "autodiff/differentiate.h"
#include "dsl/parser.h"
#include "interp/interpret.h"
#include "ir/ir_test_util.h"
#include "ir/printer.h"
#include "lamina/error.h"
#include "passes/lower.h"

namespace lamina::test {

/// Reproducible uniform numbers (mt19937_64 bits, independent of the standard library's distributions).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t next() {  // splitmix64
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint64_t state_;
};

/// A float64 tensor of `dims` with elements uniform in [lo, hi).
inline Tensor random_tensor(Random& rng, Dims dims, double lo = -2, double hi = 2) {
  Tensor t = Tensor::zeros(DType::Float64, std::move(dims));
  for (int64_t i = 0; i < t.size(); ++i) t.set_f64(i, rng.uniform(lo, hi));
  return t;
}

inline Tensor values64(Dims dims, const std::vector<double>& v) {
  Tensor t = Tensor::zeros(DType::Float64, std::move(dims));
  REQUIRE(static_cast<size_t>(t.size()) == v.size());
  for (size_t i = 0; i < v.size(); ++i) t.set_f64(static_cast<int64_t>(i), v[i]);
  return t;
}

/// A lambda input: its value, and whether its gradient is checked (float inputs only).
struct NamedInput {
  std::string name;
  Tensor value;
  bool differentiate = true;
};

struct CheckOptions {
  double atol = 1e-7;
  double rtol = 1e-6;
  bool batch_none = false;  // compile with the first dim of every input as None
  uint64_t seed = 1;        // of the cotangent v
};

inline std::vector<InputSignature> signatures(const std::vector<NamedInput>& inputs, bool batch_none) {
  std::vector<InputSignature> sigs;
  for (const NamedInput& in : inputs) {
    InputSignature s{in.name, in.value.dtype(), {}};
    for (int64_t d : in.value.dims()) s.shape.push_back(d);
    if (batch_none && !s.shape.empty()) s.shape[0] = std::nullopt;
    sigs.push_back(s);
  }
  return sigs;
}

inline ir::Function lower_source(const std::string& source, const std::vector<NamedInput>& inputs,
                                 bool batch_none = false) {
  return lower_to_ir(parse(source), signatures(inputs, batch_none), {});
}

inline std::vector<Tensor> values_of(const std::vector<NamedInput>& inputs) {
  std::vector<Tensor> v;
  for (const NamedInput& in : inputs) v.push_back(in.value);
  return v;
}

/// Same dtype, dims and elements.
inline bool floats_equal(const Tensor& a, const Tensor& b) {
  if (a.dtype() != b.dtype() || a.dims() != b.dims()) return false;
  for (int64_t i = 0; i < a.size(); ++i)
    if (a.get_f64(i) != b.get_f64(i)) return false;
  return true;
}

inline double dot(const Tensor& a, const Tensor& b) {
  REQUIRE(a.dims() == b.dims());
  double s = 0;
  for (int64_t i = 0; i < a.size(); ++i) s += a.get_f64(i) * b.get_f64(i);
  return s;
}

inline std::vector<Tensor> default_params(const ir::Function& f) {
  std::vector<Tensor> p;
  for (const ir::ParamInfo& info : f.params) p.push_back(info.init.clone());
  return p;
}

/// Compares the gradient function's results with central differences of `f`.
class GradientCheck {
 public:
  GradientCheck(ir::Function f, std::vector<Tensor> inputs, CheckOptions opt)
      : f_(std::move(f)), inputs_(std::move(inputs)), params_(default_params(f_)), opt_(opt) {
    Tensor y = interpret(f_, inputs_, params_).at(0);
    if (y.rank() == 0) return;
    Random rng(opt_.seed);
    v_ = random_tensor(rng, y.dims(), -1, 1);
  }

  bool vector_jacobian() const { return v_.has_value(); }

  /// The loss: f's first result, or sum(v * f(x)).
  double loss(const std::vector<Tensor>& inputs, const std::vector<Tensor>& params) const {
    Tensor y = interpret(f_, inputs, params).at(0);
    return v_ ? dot(*v_, y) : y.get_f64(0);
  }

  /// Runs differentiate() for `wrt` and checks every gradient it returns.
  void check(const autodiff::WithRespectTo& wrt) {
    ir::Function g = autodiff::differentiate(f_, 0, wrt, v_ ? autodiff::Seed::Input : autodiff::Seed::One);
    INFO("gradient function:\n" << ir::format_function(g));
    std::vector<Tensor> args = inputs_;
    if (v_) args.push_back(*v_);
    std::vector<Tensor> out = interpret(g, args, params_);
    REQUIRE(out.size() == f_.outputs.size() + wrt.params.size() + wrt.inputs.size());
    size_t k = f_.outputs.size();
    for (int p : wrt.params) compare(out[k++], f_.params[static_cast<size_t>(p)].name, params_[static_cast<size_t>(p)]);
    for (int i : wrt.inputs) compare(out[k++], f_.inputs[static_cast<size_t>(i)].name, inputs_[static_cast<size_t>(i)]);
  }

 private:
  /// `target` is the tensor (an input or param value) the gradient `ad` is for; it is perturbed in place.
  void compare(const Tensor& ad, const std::string& name, Tensor& target) {
    REQUIRE(ad.dims() == target.dims());
    REQUIRE(ad.dtype() == target.dtype());
    for (int64_t i = 0; i < target.size(); ++i) {
      double x = target.get_f64(i);
      double h = 1e-5 * std::max(1.0, std::abs(x));
      target.set_f64(i, x + h);
      double up = loss(inputs_, params_);
      target.set_f64(i, x - h);
      double down = loss(inputs_, params_);
      target.set_f64(i, x);
      double fd = (up - down) / (2 * h), got = ad.get_f64(i);
      INFO("d loss / d " << name << "[" << i << "] at " << x << ": autodiff " << got << ", finite differences " << fd);
      CHECK(std::abs(got - fd) <= opt_.atol + opt_.rtol * std::max(std::abs(got), std::abs(fd)));
    }
  }

  ir::Function f_;
  std::vector<Tensor> inputs_;
  std::vector<Tensor> params_;
  CheckOptions opt_;
  std::optional<Tensor> v_;
};

/// Checks the gradients of `source` with respect to every input marked for it
/// and every trainable param, against central differences.
inline void check_gradient(const std::string& source, const std::vector<NamedInput>& inputs, CheckOptions opt = {}) {
  INFO("source: " << source);
  ir::Function f = lower_source(source, inputs, opt.batch_none);
  autodiff::WithRespectTo wrt = autodiff::WithRespectTo::trainable_params(f);
  for (size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i].differentiate) wrt.inputs.push_back(static_cast<int>(i));
  GradientCheck check(std::move(f), values_of(inputs), opt);
  check.check(wrt);
}

/// One float64 input `x` of the given value.
inline void check_gradient(const std::string& source, const Tensor& x, CheckOptions opt = {}) {
  check_gradient(source, std::vector<NamedInput>{{"x", x, true}}, opt);
}

}  // namespace lamina::test
