// sin and cos for float32: within 1 ulp of float64 over the whole float range (exact argument
// reduction), including the floats closest to multiples of pi/2.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {

/// The floats nearest k pi/2 (the hardest arguments for the reduction), k up to 2^20, and
/// their neighbours.
std::vector<float> near_multiples_of_half_pi() {
  std::vector<float> v;
  for (int k = 1; k <= (1 << 18); ++k) {
    float x = static_cast<float>(k * 1.57079632679489661923);
    v.push_back(x);
    v.push_back(std::nextafter(x, 0.0f));
    v.push_back(-std::nextafter(x, 1e30f));
  }
  return v;
}

std::vector<float> trig_points() {
  return join(join(dense_f32(-10, 10, 1 << 19), near_multiples_of_half_pi()), bit_sweep_f32(4099));
}

}  // namespace

TEST_CASE("sin f32 is within 1 ulp of float64 sin on 2.4M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Sin, trig_points(), {}, [](double a, double) { return std::sin(a); });
  INFO(s.describe("sin"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("cos f32 is within 1 ulp of float64 cos on 2.4M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Cos, trig_points(), {}, [](double a, double) { return std::cos(a); });
  INFO(s.describe("cos"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("sin and cos f32 special values", "[jit][ulp]") {
  for (MathFn fn : {MathFn::Sin, MathFn::Cos}) {
    CHECK(same(eval_f32(fn, kNaN), kNaN));
    CHECK(same(eval_f32(fn, kInf), kNaN));
    CHECK(same(eval_f32(fn, -kInf), kNaN));
  }
  CHECK(same(eval_f32(MathFn::Sin, 0.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Sin, -0.0f), -0.0f));
  CHECK(same(eval_f32(MathFn::Sin, kTiny), kTiny));
  CHECK(same(eval_f32(MathFn::Sin, -kMinNormal), -kMinNormal));
  CHECK(same(eval_f32(MathFn::Cos, 0.0f), 1.0f));
  CHECK(same(eval_f32(MathFn::Cos, -0.0f), 1.0f));
  CHECK(same(eval_f32(MathFn::Cos, kTiny), 1.0f));
  // float(pi) is not pi: sin(float(pi)) = pi - float(pi).
  CHECK(same(eval_f32(MathFn::Sin, 3.14159274f), -8.742278e-08f));
  // The largest float: needs all 128 bits of exponent in the reduction.
  CHECK(same(eval_f32(MathFn::Sin, kMax), -0.5218765f));
  CHECK(same(eval_f32(MathFn::Cos, kMax), 0.853021f));
  CHECK(same(eval_f32(MathFn::Sin, -kMax), 0.5218765f));
}
