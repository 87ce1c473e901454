// erf, gelu, sigmoid, softplus for float32, and pow (computed in double).
//
// erf: an odd float polynomial for |x| < 0.9; beyond, 1 - erfc(|x|) with
//      erfc(z) = t exp(-z^2 - 1 + P(t)), t = 2/(2+z), evaluated in double (z^2 is exact there,
//      and the long polynomial would lose several float ulps to rounding).
// gelu: x/2 (1 + erf(x/sqrt2)) near 0 in float; x/2 (2 - erfc(z)) above and x/2 erfc(-z) below
//      (no cancellation) in double, rounded once, so even subnormal results are right.
#include "jit/math_coefficients.h"
#include "jit/math_functions.h"

namespace lamina::jit::detail {

namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440;

/// erf(x) for |x| < 0.9 (float), NaN aside.
Value* erf_small(const MathBuilder& m, Value* x) {
  Value* x2 = m.mul(x, x);
  Value* inner = m.fma(x2, m.poly(x2, kErfF), m.c(kTwoOverSqrtPiLo));
  return m.fma(x, m.c(kTwoOverSqrtPiHi), m.mul(x, inner));
}

MathBuilder double_of(const MathBuilder& m) { return m.with_element(m.ir().getDoubleTy()); }

/// true where double v is an integer (|v| >= 2^52 always is, inf included; NaN is not).
Value* is_integer_d(const MathBuilder& d, Value* v) {
  return d.or_(d.ge(d.abs(v), d.c(0x1p52)), d.eq(d.round_small(v), v));
}

}  // namespace

Value* erfc_d(const MathBuilder& d, Value* w) {
  Value* t = d.div(d.c(2.0), d.add(d.c(2.0), w));
  Value* exponent = d.add(d.fma(d.neg(w), w, d.c(kErfcShift)), d.poly(t, kErfcF));
  return d.mul(t, exp_d(d, exponent, /*coarse=*/true));  // as accurate as the fit
}

Value* erf_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Value* xd = m.convert(x, d);
  // Beyond 3.92, erfc < 2^-25 and erf rounds to 1; the clamp keeps erfc in its fitted range.
  Value* ec = erfc_d(d, d.clamp(d.abs(xd), 0.47, 10.6));
  Value* large = d.convert(d.copysign(d.sub(d.c(1.0), ec), xd), m);
  Value* r = m.select(m.lt(m.abs(x), m.c(0.9)), erf_small(m, x), large);
  r = m.select(m.eq(x, m.c(0.0)), x, r);  // keeps the sign of zero
  return m.select(m.is_nan(x), x, r);
}

Value* gelu_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Value* xd = m.convert(x, d);
  Value* half_xd = d.mul(xd, d.c(0.5));
  Value* zd = d.mul(xd, d.c(kInvSqrt2));
  // One erfc at |z| serves both outer ranges: x/2 (2 - erfc(z)) for z >= 0.9, and x/2 erfc(-z)
  // for z < -0.4766 (where 1 + erf(z) would cancel). Each is rounded to float once.
  Value* ec = erfc_d(d, d.clamp(d.abs(zd), 0.47, 10.6));
  Value* upper = d.convert(d.mul(half_xd, d.sub(d.c(2.0), ec)), m);
  Value* lower = d.convert(d.mul(half_xd, ec), m);
  lower = m.select(m.lt(x, m.c(-15.0)), m.c(-0.0), lower);  // -0 in float, also for x = -inf
  Value* half_x = m.mul(x, m.c(0.5));
  Value* middle = m.fma(half_x, erf_small(m, m.mul(x, m.c(kInvSqrt2))), half_x);
  Value* z = d.convert(zd, m);
  Value* r = m.select(m.lt(m.abs(z), m.c(0.9)), middle, upper);
  r = m.select(m.lt(x, m.c(-0.674)), lower, r);
  r = m.select(m.eq(x, m.c(0.0)), x, r);
  return m.select(m.is_nan(x), x, r);
}

Value* sigmoid_f32(const MathBuilder& m, Value* x) {
  // e = exp(-|x|) never overflows; sigmoid = 1/(1+e) for x >= 0 and e/(1+e) below, so the
  // tiny (subnormal) results for x < -88 come out of exp directly.
  ExpParts parts = exp_parts_f32(m, m.neg(m.abs(x)));
  Value* e = m.ldexp(parts.p, parts.k);
  Value* num = m.select(m.lt(x, m.c(0.0)), e, m.c(1.0));
  return m.select(m.is_nan(x), x, m.div(num, m.add(m.c(1.0), e)));
}

Value* softplus_f32(const MathBuilder& m, Value* x) {
  // softplus(x) = max(x, 0) + log1p(exp(-|x|))
  ExpParts parts = exp_parts_f32(m, m.neg(m.abs(x)));
  Value* l = log1p_core_f32(m, m.ldexp(parts.p, parts.k));
  Value* r = m.add(m.select(m.gt(x, m.c(0.0)), x, m.c(0.0)), l);
  return m.select(m.is_nan(x), x, r);
}

Value* pow_f32(const MathBuilder& m, Value* x, Value* y) {
  // exp(y log|x|) in double: the product has ~2^-44 relative error, so the float result is
  // rounded once from a value far more accurate than a float ulp; overflow and underflow
  // (including subnormal results) fall out of the final narrowing.
  MathBuilder d = double_of(m);
  Value* xd = m.convert(x, d);
  Value* yd = m.convert(y, d);
  Value* r = exp_d(d, d.mul(yd, log_d(d, d.abs(xd))));
  Value* y_int = is_integer_d(d, yd);
  Value* y_odd = d.and_(y_int, d.not_(is_integer_d(d, d.mul(yd, d.c(0.5)))));
  r = d.select(d.and_(d.sign_bit(xd), y_odd), d.neg(r), r);
  // A negative finite base to a non-integer power has no real value.
  Value* neg_finite = d.and_(d.lt(xd, d.c(0.0)), d.gt(xd, d.neg(d.inf())));
  r = d.select(d.and_(neg_finite, d.not_(y_int)), d.nan(), r);
  r = d.select(d.and_(d.eq(d.abs(xd), d.c(1.0)), d.is_inf(yd)), d.c(1.0), r);  // (-1)^±inf
  r = d.select(d.eq(xd, d.c(1.0)), d.c(1.0), r);  // 1^y = 1, even for NaN y
  r = d.select(d.eq(yd, d.c(0.0)), d.c(1.0), r);  // x^0 = 1, even for NaN x
  return d.convert(r, m);
}

}  // namespace lamina::jit::detail
