// asin and acos for float32: within 1 ulp of float64 on [-1, 1]; NaN outside.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
std::vector<float> points() {
  return join(join(dense_f32(-1, 1, 1 << 19), dense_f32(0.999, 1, 1 << 19)), bit_sweep_f32(4099));
}
}  // namespace

TEST_CASE("asin f32 is within 1 ulp of float64 asin on 2M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Asin, points(), {}, [](double a, double) { return std::asin(a); });
  INFO(s.describe("asin"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("acos f32 is within 1 ulp of float64 acos on 2M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Acos, points(), {}, [](double a, double) { return std::acos(a); });
  INFO(s.describe("acos"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("asin and acos f32 special values", "[jit][ulp]") {
  for (MathFn fn : {MathFn::Asin, MathFn::Acos}) {
    CHECK(same(eval_f32(fn, kNaN), kNaN));
    CHECK(same(eval_f32(fn, kInf), kNaN));
    CHECK(same(eval_f32(fn, -kInf), kNaN));
    CHECK(same(eval_f32(fn, 1.00000012f), kNaN));
    CHECK(same(eval_f32(fn, -1.00000012f), kNaN));
  }
  CHECK(same(eval_f32(MathFn::Asin, 0.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Asin, -0.0f), -0.0f));
  CHECK(same(eval_f32(MathFn::Asin, kTiny), kTiny));
  CHECK(same(eval_f32(MathFn::Asin, 1.0f), 1.57079637f));
  CHECK(same(eval_f32(MathFn::Asin, -1.0f), -1.57079637f));
  CHECK(same(eval_f32(MathFn::Acos, 1.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Acos, -1.0f), 3.14159274f));
  CHECK(same(eval_f32(MathFn::Acos, 0.0f), 1.57079637f));
  CHECK(same(eval_f32(MathFn::Acos, -0.0f), 1.57079637f));
}
