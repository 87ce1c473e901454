// asinh, acosh, atanh for float32: within 1 ulp of float64 over their whole domains.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

TEST_CASE("asinh f32 is within 1 ulp of float64 asinh on 2M points", "[jit][ulp]") {
  auto x = join(dense_f32(-10, 10, 1 << 20), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Asinh, x, {}, [](double a, double) { return std::asinh(a); });
  INFO(s.describe("asinh"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("acosh f32 is within 1 ulp of float64 acosh on 2M points", "[jit][ulp]") {
  auto x = join(join(dense_f32(1, 1.01, 1 << 19), dense_f32(1, 100, 1 << 19)), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Acosh, x, {}, [](double a, double) { return std::acosh(a); });
  INFO(s.describe("acosh"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("atanh f32 is within 1 ulp of float64 atanh on 2M points", "[jit][ulp]") {
  auto x = join(join(dense_f32(-1, 1, 1 << 19), dense_f32(0.99, 1, 1 << 19)), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Atanh, x, {}, [](double a, double) { return std::atanh(a); });
  INFO(s.describe("atanh"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("asinh, acosh, atanh f32 special values", "[jit][ulp]") {
  CHECK(same(eval_f32(MathFn::Asinh, kNaN), kNaN));
  CHECK(same(eval_f32(MathFn::Asinh, kInf), kInf));
  CHECK(same(eval_f32(MathFn::Asinh, -kInf), -kInf));
  CHECK(same(eval_f32(MathFn::Asinh, 0.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Asinh, -0.0f), -0.0f));
  CHECK(same(eval_f32(MathFn::Asinh, -kTiny), -kTiny));
  CHECK(same(eval_f32(MathFn::Asinh, kMax), 89.415985f));

  CHECK(same(eval_f32(MathFn::Acosh, kNaN), kNaN));
  CHECK(same(eval_f32(MathFn::Acosh, kInf), kInf));
  CHECK(same(eval_f32(MathFn::Acosh, 1.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Acosh, 0.99999994f), kNaN));
  CHECK(same(eval_f32(MathFn::Acosh, 0.0f), kNaN));
  CHECK(same(eval_f32(MathFn::Acosh, -kInf), kNaN));
  CHECK(same(eval_f32(MathFn::Acosh, kMax), 89.415985f));

  CHECK(same(eval_f32(MathFn::Atanh, kNaN), kNaN));
  CHECK(same(eval_f32(MathFn::Atanh, 1.0f), kInf));
  CHECK(same(eval_f32(MathFn::Atanh, -1.0f), -kInf));
  CHECK(same(eval_f32(MathFn::Atanh, 1.00000012f), kNaN));
  CHECK(same(eval_f32(MathFn::Atanh, -kInf), kNaN));
  CHECK(same(eval_f32(MathFn::Atanh, 0.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Atanh, -0.0f), -0.0f));
  CHECK(same(eval_f32(MathFn::Atanh, kTiny), kTiny));
  CHECK(same(eval_f32(MathFn::Atanh, 0.5f), 0.54930615f));
}
