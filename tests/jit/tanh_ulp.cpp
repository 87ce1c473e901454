// tanh for float32: within 2 ulp of float64 tanh; odd, exact near 0, saturates to ±1.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
float tanh_(float x) { return eval_f32(MathFn::Tanh, x); }
}  // namespace

TEST_CASE("tanh f32 is within 2 ulp of float64 tanh on 2M points", "[jit][ulp]") {
  auto x = join(join(dense_f32(-10, 10, 1 << 19), dense_f32(-1, 1, 1 << 19)), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Tanh, x, {}, [](double a, double) { return std::tanh(a); });
  INFO(s.describe("tanh"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 2);  // 2 ulp occurs near |x| = 0.87 in denser sweeps
}

TEST_CASE("tanh f32 special values", "[jit][ulp]") {
  CHECK(same(tanh_(kNaN), kNaN));
  CHECK(same(tanh_(kInf), 1.0f));
  CHECK(same(tanh_(-kInf), -1.0f));
  CHECK(same(tanh_(0.0f), 0.0f));
  CHECK(same(tanh_(-0.0f), -0.0f));
  CHECK(same(tanh_(kTiny), kTiny));
  CHECK(same(tanh_(-kMinNormal), -kMinNormal));
  CHECK(same(tanh_(0.5f), 0.46211717f));
  CHECK(same(tanh_(10.0f), 1.0f));
  CHECK(same(tanh_(-10.0f), -1.0f));
  CHECK(same(tanh_(kMax), 1.0f));
}

TEST_CASE("tanh f32 is odd on every tested point", "[jit][ulp]") {
  std::vector<float> x = dense_f32(0, 12, 1 << 16), neg(x.size());
  for (size_t i = 0; i < x.size(); ++i) neg[i] = -x[i];
  const auto& kernel = MathKernel<float>::cached(MathFn::Tanh);
  std::vector<float> a = kernel(x), b = kernel(neg);
  size_t mismatches = 0;
  for (size_t i = 0; i < x.size(); ++i) mismatches += !same(a[i], -b[i]);
  CHECK(mismatches == 0);
}
