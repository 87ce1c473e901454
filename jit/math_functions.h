#pragma once
// Internal to the vector math: the float32 algorithms, one family per file, and the cores they
// share. Every function takes values of the MathBuilder's type and returns one of that type.
//
//   math_exp_log.cpp     exp, expm1, log, log1p, log2, log10 (float) and the double cores
//   math_trig.cpp        sin, cos, tan (exact reduction), asin, acos, atan, atan2 (via double)
//   math_hyperbolic.cpp  sinh, cosh, tanh (float), asinh, acosh, atanh (via double)
//   math_special.cpp     sigmoid, softplus (float), erf, gelu (float near 0, erfc in double),
//                        pow (via double)
//   math_libm.cpp        float64 inputs: per-lane calls to the C library
#include "jit/math_builder.h"

namespace lamina::jit::detail {

using llvm::Value;

// --- shared float32 cores ---

/// exp(a) as p * 2^k with p in about [0.7, 1.42] (float) and k an i32 in [-159, 130]:
/// callers scale with m.ldexp(p, k) (possibly after working on p). a is clamped to [-110, 90]
/// first, so NaN in gives garbage out: callers restore NaN.
struct ExpParts {
  Value* p;
  Value* k;
};
ExpParts exp_parts_f32(const MathBuilder& m, Value* a);

/// expm1(x) for float, including the tiny-|x| and the overflow ends.
Value* expm1_core_f32(const MathBuilder& m, Value* x);

/// log1p(x) for float with its special cases except NaN (callers restore NaN).
Value* log1p_core_f32(const MathBuilder& m, Value* x);


// --- double-precision cores for float results (relative error < 2^-44 on their domains) ---

/// exp(t) for double t; t is clamped to [-200, 200] (enough for any float result); NaN -> NaN.
/// With `coarse`, a shorter polynomial (relative error 2^-28 instead of 2^-50).
Value* exp_d(const MathBuilder& d, Value* t, bool coarse = false);
/// log(a) for double a: log(0) = -inf, log(inf) = inf, log(<0) = NaN; a must not be subnormal.
Value* log_d(const MathBuilder& d, Value* a);
/// log1p(a) for double a > -1 (a = -1 -> -inf, a < -1 -> NaN, inf -> inf).
Value* log1p_d(const MathBuilder& d, Value* a);
/// erfc(w) for double w in [0.47, 10.6] (callers clamp), relative error ~2^-29.
Value* erfc_d(const MathBuilder& d, Value* w);
/// atan(num / den) in [0, pi/2] for num, den >= 0 (either may be 0 or inf; 0/0 -> 0, inf/inf -> pi/4).
Value* atan_ratio_d(const MathBuilder& d, Value* num, Value* den);

// --- float32 functions (m is a float MathBuilder) ---
Value* exp_f32(const MathBuilder& m, Value* x);
Value* expm1_f32(const MathBuilder& m, Value* x);
Value* log_f32(const MathBuilder& m, Value* x);
Value* log1p_f32(const MathBuilder& m, Value* x);
Value* log2_f32(const MathBuilder& m, Value* x);
Value* log10_f32(const MathBuilder& m, Value* x);
Value* sin_f32(const MathBuilder& m, Value* x);
Value* cos_f32(const MathBuilder& m, Value* x);
Value* tan_f32(const MathBuilder& m, Value* x);
Value* asin_f32(const MathBuilder& m, Value* x);
Value* acos_f32(const MathBuilder& m, Value* x);
Value* atan_f32(const MathBuilder& m, Value* x);
Value* atan2_f32(const MathBuilder& m, Value* y, Value* x);
Value* sinh_f32(const MathBuilder& m, Value* x);
Value* cosh_f32(const MathBuilder& m, Value* x);
Value* tanh_f32(const MathBuilder& m, Value* x);
Value* asinh_f32(const MathBuilder& m, Value* x);
Value* acosh_f32(const MathBuilder& m, Value* x);
Value* atanh_f32(const MathBuilder& m, Value* x);
Value* erf_f32(const MathBuilder& m, Value* x);
Value* gelu_f32(const MathBuilder& m, Value* x);
Value* sigmoid_f32(const MathBuilder& m, Value* x);
Value* softplus_f32(const MathBuilder& m, Value* x);
Value* pow_f32(const MathBuilder& m, Value* x, Value* y);

/// float64: fn(x[, y]) by per-lane calls to the C library (declared in the builder's module).
Value* libm_f64(const MathBuilder& m, const char* name, Value* x, Value* y = nullptr);

}  // namespace lamina::jit::detail
