// log1p for float32: within 1 ulp of float64 log1p; exact near 0, -inf at -1, NaN below.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
float log1p_(float x) { return eval_f32(MathFn::Log1p, x); }
}  // namespace

TEST_CASE("log1p f32 is within 1 ulp of float64 log1p on 2M points", "[jit][ulp]") {
  auto x = join(join(dense_f32(-1, 1, 1 << 19), dense_f32(-1e-3, 1e-3, 1 << 19)), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Log1p, x, {}, [](double a, double) { return std::log1p(a); });
  INFO(s.describe("log1p"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("log1p f32 special values", "[jit][ulp]") {
  CHECK(same(log1p_(kNaN), kNaN));
  CHECK(same(log1p_(kInf), kInf));
  CHECK(same(log1p_(-kInf), kNaN));
  CHECK(same(log1p_(-1.0f), -kInf));
  CHECK(same(log1p_(-1.0000001f), kNaN));
  CHECK(same(log1p_(-2.0f), kNaN));
  CHECK(same(log1p_(0.0f), 0.0f));
  CHECK(same(log1p_(-0.0f), -0.0f));
  CHECK(same(log1p_(kTiny), kTiny));
  CHECK(same(log1p_(-kTiny), -kTiny));
  CHECK(same(log1p_(-0.5f), -0.6931472f));
  CHECK(same(log1p_(kMax), 88.72284f));
}
