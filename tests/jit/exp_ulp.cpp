// exp for float32: within 1 ulp of float64 exp, exact overflow/underflow edges, subnormal results.
#include <catch2/catch.hpp>

#include <cmath>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {
float exp_(float x) { return eval_f32(MathFn::Exp, x); }
}  // namespace

TEST_CASE("exp f32 is within 1 ulp of float64 exp on 2M points", "[jit][ulp]") {
  auto x = join(dense_f32(-104, 89, 1 << 20), bit_sweep_f32(4099));
  UlpStats s = measure_f32(MathFn::Exp, x, {}, [](double a, double) { return std::exp(a); });
  INFO(s.describe("exp"));
  CHECK(s.points >= 2'000'000);
  CHECK(s.max_ulp <= 1);
}

TEST_CASE("exp f32 special values", "[jit][ulp]") {
  CHECK(same(exp_(kNaN), kNaN));
  CHECK(same(exp_(kInf), kInf));
  CHECK(same(exp_(-kInf), 0.0f));
  CHECK(same(exp_(0.0f), 1.0f));
  CHECK(same(exp_(-0.0f), 1.0f));
  CHECK(same(exp_(kTiny), 1.0f));
  CHECK(same(exp_(1.0f), 2.71828183f));
}

TEST_CASE("exp f32 overflows exactly past ln(FLT_MAX)", "[jit][ulp]") {
  CHECK(exp_(88.7228317f) == 3.4027985e+38f);  // the largest x with a finite result
  CHECK(same(exp_(88.7228394f), kInf));
  CHECK(same(exp_(1000.0f), kInf));
  CHECK(same(exp_(kMax), kInf));
}

TEST_CASE("exp f32 underflows through the subnormals to zero", "[jit][ulp]") {
  CHECK(same(exp_(-103.972076f), kTiny));  // the smallest x with a nonzero result
  CHECK(same(exp_(-103.972084f), 0.0f));
  CHECK(same(exp_(-1000.0f), 0.0f));
  CHECK(same(exp_(-kMax), 0.0f));
  // exp(-87.3365479) is just below FLT_MIN: rounded once, like the reference.
  CHECK(ulp_distance(exp_(-87.3365479f), 1.1754907e-38f) == 0);
}
