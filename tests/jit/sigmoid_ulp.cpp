// sigmoid for float32: within 2 ulp of float64 1/(1+exp(-x)); saturates to exactly 0 and 1,
// with subnormal results below x = -87.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
float sigmoid_(float x) { return eval_f32(MathFn::Sigmoid, x); }
}  // namespace

TEST_CASE("sigmoid f32 is within 2 ulp of float64 sigmoid on 2M points", "[jit][ulp]") {
  auto x = join(join(dense_f32(-110, 30, 1 << 19), dense_f32(-8, 8, 1 << 19)), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Sigmoid, x, {},
                           [](double a, double) { return 1.0 / (1.0 + std::exp(-a)); });
  INFO(s.describe("sigmoid"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 2);
}

TEST_CASE("sigmoid f32 special values", "[jit][ulp]") {
  CHECK(same(sigmoid_(kNaN), kNaN));
  CHECK(same(sigmoid_(kInf), 1.0f));
  CHECK(same(sigmoid_(-kInf), 0.0f));
  CHECK(same(sigmoid_(0.0f), 0.5f));
  CHECK(same(sigmoid_(-0.0f), 0.5f));
  CHECK(same(sigmoid_(kTiny), 0.5f));
  CHECK(same(sigmoid_(20.0f), 1.0f));
  CHECK(same(sigmoid_(-100.0f), 3.8e-44f));  // subnormal
  CHECK(same(sigmoid_(-104.0f), 0.0f));
  CHECK(same(sigmoid_(kMax), 1.0f));
  CHECK(same(sigmoid_(-kMax), 0.0f));
}
