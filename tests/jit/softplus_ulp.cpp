// softplus for float32: within 2 ulp of float64 log(1 + exp(x)); exactly x for large x, and
// exp(x) (subnormal) for very negative x.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
float softplus_(float x) { return eval_f32(MathFn::Softplus, x); }
double softplus_ref(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
}  // namespace

TEST_CASE("softplus f32 is within 2 ulp of float64 softplus on 2M points", "[jit][ulp]") {
  auto x = join(join(dense_f32(-110, 30, 1 << 19), dense_f32(-8, 8, 1 << 19)), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Softplus, x, {}, [](double a, double) { return softplus_ref(a); });
  INFO(s.describe("softplus"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 2);
}

TEST_CASE("softplus f32 special values", "[jit][ulp]") {
  CHECK(same(softplus_(kNaN), kNaN));
  CHECK(same(softplus_(kInf), kInf));
  CHECK(same(softplus_(-kInf), 0.0f));
  CHECK(same(softplus_(0.0f), 0.6931472f));
  CHECK(same(softplus_(-0.0f), 0.6931472f));
  CHECK(same(softplus_(100.0f), 100.0f));
  CHECK(same(softplus_(-100.0f), 3.8e-44f));
  CHECK(same(softplus_(-110.0f), 0.0f));
  CHECK(same(softplus_(kMax), kMax));
}
