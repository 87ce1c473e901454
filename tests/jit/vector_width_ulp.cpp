// The same function gives the same bits at every vector width (scalar, 4, 8, 16 lanes):
// kernels may use any width, and scalar epilogues must agree with the vector body.
#include <catch2/catch.hpp>

#include "jit/math_harness.h"

using lamina::jit::MathFn;
using namespace lamina::test;

namespace {

size_t mismatches(MathFn fn, int64_t lanes, const std::vector<float>& x, const std::vector<float>& y) {
  std::vector<float> want = MathKernel<float>::cached(fn)(x, y);
  std::vector<float> got = MathKernel<float>(fn, lanes)(x, y);
  size_t n = 0;
  for (size_t i = 0; i < x.size(); ++i) n += !same(got[i], want[i]);
  return n;
}

}  // namespace

TEST_CASE("float math gives identical bits for scalar, 4- and 8-lane code", "[jit][ulp]") {
  std::vector<float> x = join(dense_f32(-20, 20, 4096), bit_sweep_f32(1 << 20));
  std::vector<float> y = join(dense_f32(-3, 3, 4096), bit_sweep_f32(1 << 20));
  for (MathFn fn : {MathFn::Exp, MathFn::Log1p, MathFn::Sin, MathFn::Tanh, MathFn::Erf, MathFn::Gelu,
                    MathFn::Sigmoid, MathFn::Pow, MathFn::Atan2}) {
    for (int64_t lanes : {1, 4, 8}) {
      INFO(lamina::jit::math_fn_name(fn) << " with " << lanes << " lanes");
      CHECK(mismatches(fn, lanes, x, y) == 0);
    }
  }
}
