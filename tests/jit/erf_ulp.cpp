// erf for float32: within 1 ulp of float64 erf; odd, exact near 0, ±1 beyond 3.92.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
float erf_(float x) { return eval_f32(MathFn::Erf, x); }
}  // namespace

TEST_CASE("erf f32 is within 1 ulp of float64 erf on 2M points", "[jit][ulp]") {
  auto x = join(dense_f32(-5, 5, 1 << 20), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Erf, x, {}, [](double a, double) { return std::erf(a); });
  INFO(s.describe("erf"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("erf f32 special values", "[jit][ulp]") {
  CHECK(same(erf_(kNaN), kNaN));
  CHECK(same(erf_(kInf), 1.0f));
  CHECK(same(erf_(-kInf), -1.0f));
  CHECK(same(erf_(0.0f), 0.0f));
  CHECK(same(erf_(-0.0f), -0.0f));
  CHECK(same(erf_(kTiny), kTiny));  // 2/sqrt(pi) * 2^-149 rounds to 2^-149
  CHECK(same(erf_(1e-30f), 1.12837917e-30f));
  CHECK(same(erf_(1.0f), 0.8427008f));
  CHECK(same(erf_(-0.5f), -0.5204999f));
  CHECK(same(erf_(4.0f), 1.0f));
  CHECK(same(erf_(-kMax), -1.0f));
}
