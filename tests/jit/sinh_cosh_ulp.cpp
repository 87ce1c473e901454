// sinh and cosh for float32: within 2 / 1 ulp of float64; overflow exactly past 89.4159851.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
std::vector<float> points() {
  return join(join(dense_f32(-3, 3, 1 << 19), dense_f32(-90, 90, 1 << 19)), bit_sweep_f32(4099));
}
}  // namespace

TEST_CASE("sinh f32 is within 2 ulp of float64 sinh on 2M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Sinh, points(), {}, [](double a, double) { return std::sinh(a); });
  INFO(s.describe("sinh"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 2);
}

TEST_CASE("cosh f32 is within 1 ulp of float64 cosh on 2M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Cosh, points(), {}, [](double a, double) { return std::cosh(a); });
  INFO(s.describe("cosh"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("sinh and cosh f32 special values", "[jit][ulp]") {
  CHECK(same(eval_f32(MathFn::Sinh, kNaN), kNaN));
  CHECK(same(eval_f32(MathFn::Sinh, kInf), kInf));
  CHECK(same(eval_f32(MathFn::Sinh, -kInf), -kInf));
  CHECK(same(eval_f32(MathFn::Sinh, 0.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Sinh, -0.0f), -0.0f));
  CHECK(same(eval_f32(MathFn::Sinh, -kTiny), -kTiny));
  CHECK(same(eval_f32(MathFn::Cosh, kNaN), kNaN));
  CHECK(same(eval_f32(MathFn::Cosh, kInf), kInf));
  CHECK(same(eval_f32(MathFn::Cosh, -kInf), kInf));
  CHECK(same(eval_f32(MathFn::Cosh, 0.0f), 1.0f));
  CHECK(same(eval_f32(MathFn::Cosh, -0.0f), 1.0f));
  CHECK(same(eval_f32(MathFn::Cosh, kTiny), 1.0f));
}

TEST_CASE("sinh and cosh f32 overflow exactly past ln(2 FLT_MAX)", "[jit][ulp]") {
  // exp(x) alone overflows at 88.72; sinh and cosh reach FLT_MAX only at 89.4159851.
  CHECK(eval_f32(MathFn::Sinh, 89.4159851f) == 3.4028196e+38f);
  CHECK(eval_f32(MathFn::Sinh, -89.4159851f) == -3.4028196e+38f);
  CHECK(eval_f32(MathFn::Cosh, -89.4159851f) == 3.4028196e+38f);
  CHECK(same(eval_f32(MathFn::Sinh, 89.4159927f), kInf));
  CHECK(same(eval_f32(MathFn::Sinh, -89.4159927f), -kInf));
  CHECK(same(eval_f32(MathFn::Cosh, 89.4159927f), kInf));
}
