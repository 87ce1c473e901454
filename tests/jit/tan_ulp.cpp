// tan for float32: within 1 ulp of float64 tan over the whole float range.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

TEST_CASE("tan f32 is within 1 ulp of float64 tan on 2M points", "[jit][ulp]") {
  auto x = join(join(dense_f32(-2, 2, 1 << 19), dense_f32(-1e4, 1e4, 1 << 19)), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Tan, x, {}, [](double a, double) { return std::tan(a); });
  INFO(s.describe("tan"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("tan f32 special values", "[jit][ulp]") {
  CHECK(same(eval_f32(MathFn::Tan, kNaN), kNaN));
  CHECK(same(eval_f32(MathFn::Tan, kInf), kNaN));
  CHECK(same(eval_f32(MathFn::Tan, -kInf), kNaN));
  CHECK(same(eval_f32(MathFn::Tan, 0.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Tan, -0.0f), -0.0f));
  CHECK(same(eval_f32(MathFn::Tan, -kTiny), -kTiny));
  // Next to the pole: float(pi/2) is just above pi/2.
  CHECK(same(eval_f32(MathFn::Tan, 1.57079637f), -22877332.0f));
  CHECK(same(eval_f32(MathFn::Tan, kMax), -0.6117979f));
}
