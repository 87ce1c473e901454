// atan and atan2 for float32: within 1 ulp of float64, with C99's special cases for atan2.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
constexpr float kPi = 3.14159274f, kHalfPi = 1.57079637f, kQuarterPi = 0.785398185f;
float atan2_(float y, float x) { return eval_f32(MathFn::Atan2, y, x); }
}  // namespace

TEST_CASE("atan f32 is within 1 ulp of float64 atan on 2M points", "[jit][ulp]") {
  auto x = join(dense_f32(-4, 4, 1 << 20), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Atan, x, {}, [](double a, double) { return std::atan(a); });
  INFO(s.describe("atan"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("atan2 f32 is within 1 ulp of float64 atan2 on 2M point pairs", "[jit][ulp]") {
  // A grid around the origin (all four quadrants) plus bit patterns paired with shuffled ones.
  std::vector<float> y, x;
  for (int i = 0; i < 1024; ++i)
    for (int j = 0; j < 1024; ++j) {
      y.push_back(-5.0f + 10.0f * float(i) / 1023.0f);
      x.push_back(-5.0f + 10.0f * float(j) / 1023.0f);
    }
  std::vector<float> bits = bit_sweep_f32(4099);
  for (size_t i = 0; i < bits.size(); ++i) {
    y.push_back(bits[i]);
    x.push_back(bits[(i * 7919) % bits.size()]);
  }
  UlpStats s = measure_f32(MathFn::Atan2, y, x, [](double a, double b) { return std::atan2(a, b); });
  INFO(s.describe("atan2"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("atan f32 special values", "[jit][ulp]") {
  CHECK(same(eval_f32(MathFn::Atan, kNaN), kNaN));
  CHECK(same(eval_f32(MathFn::Atan, kInf), kHalfPi));
  CHECK(same(eval_f32(MathFn::Atan, -kInf), -kHalfPi));
  CHECK(same(eval_f32(MathFn::Atan, 0.0f), 0.0f));
  CHECK(same(eval_f32(MathFn::Atan, -0.0f), -0.0f));
  CHECK(same(eval_f32(MathFn::Atan, -kTiny), -kTiny));
  CHECK(same(eval_f32(MathFn::Atan, 1.0f), kQuarterPi));
  CHECK(same(eval_f32(MathFn::Atan, kMax), kHalfPi));
}

TEST_CASE("atan2 f32 follows C99 on zeros, infinities and NaN", "[jit][ulp]") {
  CHECK(same(atan2_(0.0f, 0.0f), 0.0f));
  CHECK(same(atan2_(-0.0f, 0.0f), -0.0f));
  CHECK(same(atan2_(0.0f, -0.0f), kPi));
  CHECK(same(atan2_(-0.0f, -0.0f), -kPi));
  CHECK(same(atan2_(0.0f, -1.0f), kPi));
  CHECK(same(atan2_(-0.0f, -1.0f), -kPi));
  CHECK(same(atan2_(0.0f, 1.0f), 0.0f));
  CHECK(same(atan2_(-0.0f, 1.0f), -0.0f));
  CHECK(same(atan2_(1.0f, 0.0f), kHalfPi));
  CHECK(same(atan2_(-1.0f, -0.0f), -kHalfPi));
  CHECK(same(atan2_(kInf, kInf), kQuarterPi));
  CHECK(same(atan2_(-kInf, kInf), -kQuarterPi));
  CHECK(same(atan2_(kInf, -kInf), 2.3561945f));
  CHECK(same(atan2_(-kInf, -kInf), -2.3561945f));
  CHECK(same(atan2_(1.0f, kInf), 0.0f));
  CHECK(same(atan2_(-1.0f, kInf), -0.0f));
  CHECK(same(atan2_(1.0f, -kInf), kPi));
  CHECK(same(atan2_(-1.0f, -kInf), -kPi));
  CHECK(same(atan2_(kInf, 1.0f), kHalfPi));
  CHECK(same(atan2_(-kInf, -1.0f), -kHalfPi));
  CHECK(same(atan2_(kNaN, 1.0f), kNaN));
  CHECK(same(atan2_(1.0f, kNaN), kNaN));
  CHECK(same(atan2_(kTiny, kMax), 0.0f));  // underflows
  CHECK(same(atan2_(kMax, kTiny), kHalfPi));
  CHECK(same(atan2_(-1.0f, -1.0f), -2.3561945f));
}
