// pow for float32: within 1 ulp of float64 pow (computed in double inside), with every C99
// special case (zeros, infinities, negative bases, NaN).
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
float pow_(float x, float y) { return eval_f32(MathFn::Pow, x, y); }
}  // namespace

TEST_CASE("pow f32 is within 1 ulp of float64 pow on 2.5M point pairs", "[jit][ulp]") {
  std::vector<float> x, y;
  for (int i = 0; i < 1024; ++i)  // positive bases, exponents over the full result range
    for (int j = 0; j < 1024; ++j) {
      x.push_back(10.0f * float(i) / 1023.0f);
      y.push_back(-40.0f + 80.0f * float(j) / 1023.0f);
    }
  for (int i = 0; i < 1024; ++i)  // negative bases with integer exponents
    for (int j = -200; j < 200; j += 2) {
      x.push_back(-4.0f + 4.0f * float(i) / 1023.0f);
      y.push_back(float(j / 2 + (i & 1)));
    }
  std::vector<float> bits = bit_sweep_f32(4099);
  for (size_t i = 0; i < bits.size(); ++i) {
    x.push_back(bits[i]);
    y.push_back(bits[(i * 7919) % bits.size()]);
  }
  UlpStats s = measure_f32(MathFn::Pow, x, y, [](double a, double b) { return std::pow(a, b); });
  INFO(s.describe("pow"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("pow f32 exact results", "[jit][ulp]") {
  CHECK(same(pow_(2.0f, 10.0f), 1024.0f));
  CHECK(same(pow_(2.0f, -149.0f), kTiny));
  CHECK(same(pow_(2.0f, -151.0f), 0.0f));
  CHECK(same(pow_(2.0f, 128.0f), kInf));
  CHECK(same(pow_(-2.0f, 3.0f), -8.0f));
  CHECK(same(pow_(-2.0f, -3.0f), -0.125f));
  CHECK(same(pow_(-3.0f, 2.0f), 9.0f));
  CHECK(same(pow_(9.0f, 0.5f), 3.0f));
  CHECK(same(pow_(10.0f, -1.0f), 0.1f));
}

TEST_CASE("pow f32 follows C99 on zeros, ones, infinities and NaN", "[jit][ulp]") {
  // x^0 = 1 and 1^y = 1 for every x and y, NaN included.
  CHECK(same(pow_(kNaN, 0.0f), 1.0f));
  CHECK(same(pow_(kNaN, -0.0f), 1.0f));
  CHECK(same(pow_(kInf, 0.0f), 1.0f));
  CHECK(same(pow_(1.0f, kNaN), 1.0f));
  CHECK(same(pow_(1.0f, kInf), 1.0f));
  CHECK(same(pow_(-1.0f, kInf), 1.0f));
  CHECK(same(pow_(-1.0f, -kInf), 1.0f));
  CHECK(same(pow_(kNaN, 1.0f), kNaN));
  CHECK(same(pow_(2.0f, kNaN), kNaN));
  // Negative finite base with a non-integer exponent.
  CHECK(same(pow_(-2.0f, 0.5f), kNaN));
  CHECK(same(pow_(-kTiny, 1.5f), kNaN));
  // Zero bases.
  CHECK(same(pow_(0.0f, -3.0f), kInf));
  CHECK(same(pow_(-0.0f, -3.0f), -kInf));
  CHECK(same(pow_(-0.0f, -2.0f), kInf));
  CHECK(same(pow_(-0.0f, -0.5f), kInf));
  CHECK(same(pow_(0.0f, -kInf), kInf));
  CHECK(same(pow_(0.0f, 3.0f), 0.0f));
  CHECK(same(pow_(-0.0f, 3.0f), -0.0f));
  CHECK(same(pow_(-0.0f, 2.0f), 0.0f));
  CHECK(same(pow_(-0.0f, 0.5f), 0.0f));
  CHECK(same(pow_(-0.0f, kInf), 0.0f));
  // Infinite exponents.
  CHECK(same(pow_(0.5f, -kInf), kInf));
  CHECK(same(pow_(-0.5f, -kInf), kInf));
  CHECK(same(pow_(2.0f, -kInf), 0.0f));
  CHECK(same(pow_(0.5f, kInf), 0.0f));
  CHECK(same(pow_(-2.0f, kInf), kInf));
  // Infinite bases.
  CHECK(same(pow_(-kInf, -3.0f), -0.0f));
  CHECK(same(pow_(-kInf, -2.0f), 0.0f));
  CHECK(same(pow_(-kInf, -0.5f), 0.0f));
  CHECK(same(pow_(-kInf, 3.0f), -kInf));
  CHECK(same(pow_(-kInf, 2.0f), kInf));
  CHECK(same(pow_(-kInf, 0.5f), kInf));
  CHECK(same(pow_(kInf, -1.0f), 0.0f));
  CHECK(same(pow_(kInf, 0.5f), kInf));
  // Integers beyond 2^24 are even.
  CHECK(same(pow_(-1.0f, 16777218.0f), 1.0f));
  CHECK(same(pow_(-1.0f, 16777215.0f), -1.0f));
}
