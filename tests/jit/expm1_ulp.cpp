// expm1 for float32: within 1 ulp of float64 expm1; exact near 0 (signed zeros, subnormals).
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
float expm1_(float x) { return eval_f32(MathFn::Expm1, x); }
}  // namespace

TEST_CASE("expm1 f32 is within 1 ulp of float64 expm1 on 2M points", "[jit][ulp]") {
  auto x = join(dense_f32(-20, 89, 1 << 19), dense_f32(-1, 1, 1 << 19));
  x = join(x, bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Expm1, x, {}, [](double a, double) { return std::expm1(a); });
  INFO(s.describe("expm1"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("expm1 f32 special values", "[jit][ulp]") {
  CHECK(same(expm1_(kNaN), kNaN));
  CHECK(same(expm1_(kInf), kInf));
  CHECK(same(expm1_(-kInf), -1.0f));
  CHECK(same(expm1_(0.0f), 0.0f));
  CHECK(same(expm1_(-0.0f), -0.0f));
  CHECK(same(expm1_(kTiny), kTiny));
  CHECK(same(expm1_(-kTiny), -kTiny));
  CHECK(same(expm1_(1e-30f), 1e-30f));
  CHECK(same(expm1_(-30.0f), -1.0f));
  CHECK(expm1_(88.7228317f) == 3.4027985e+38f);
  CHECK(same(expm1_(88.7228394f), kInf));
}
