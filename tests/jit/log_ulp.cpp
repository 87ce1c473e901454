// log, log2, log10 for float32: within 1 ulp of float64, all of (0, inf] including subnormals.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
std::vector<float> log_points() {
  return join(join(dense_f32(0.5, 2, 1 << 19), dense_f32(0, 100, 1 << 19)), bit_sweep_f32(4099));
}
}  // namespace

TEST_CASE("log f32 is within 1 ulp of float64 log on 2M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Log, log_points(), {}, [](double a, double) { return std::log(a); });
  INFO(s.describe("log"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("log2 f32 is within 1 ulp of float64 log2 on 2M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Log2, log_points(), {}, [](double a, double) { return std::log2(a); });
  INFO(s.describe("log2"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("log10 f32 is within 1 ulp of float64 log10 on 2M points", "[jit][ulp]") {
  UlpStats s = measure_f32(MathFn::Log10, log_points(), {}, [](double a, double) { return std::log10(a); });
  INFO(s.describe("log10"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("log f32 special values", "[jit][ulp]") {
  for (MathFn fn : {MathFn::Log, MathFn::Log2, MathFn::Log10}) {
    INFO(lamina::jit::math_fn_name(fn));
    CHECK(same(eval_f32(fn, kNaN), kNaN));
    CHECK(same(eval_f32(fn, kInf), kInf));
    CHECK(same(eval_f32(fn, -kInf), kNaN));
    CHECK(same(eval_f32(fn, 0.0f), -kInf));
    CHECK(same(eval_f32(fn, -0.0f), -kInf));
    CHECK(same(eval_f32(fn, -1.0f), kNaN));
    CHECK(same(eval_f32(fn, -kTiny), kNaN));
    CHECK(same(eval_f32(fn, 1.0f), 0.0f));
  }
  CHECK(same(eval_f32(MathFn::Log, kTiny), -103.27893f));
  CHECK(same(eval_f32(MathFn::Log, kMax), 88.72284f));
  CHECK(same(eval_f32(MathFn::Log10, 1000.0f), 3.0f));
}

TEST_CASE("log2 f32 is exact on every power of two, subnormals included", "[jit][ulp]") {
  for (int k = -149; k <= 127; ++k) {
    INFO("2^" << k);
    CHECK(same(eval_f32(MathFn::Log2, std::ldexp(1.0f, k)), float(k)));
  }
}
