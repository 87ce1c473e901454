// sinh, cosh, tanh for float32 (odd polynomials near 0, exp elsewhere), and asinh, acosh, atanh
// computed in double through log1p (no cancellation at the ends).
#include "jit/math_coefficients.h"
#include "jit/math_functions.h"

namespace lamina::jit::detail {

namespace {

/// e^|x| / 2 and e^-|x| / 2 from one exp: p 2^(k-1) and (1/p) 2^(-k-1). The halving is folded
/// into the exponent, so cosh/sinh reach FLT_MAX (at |x| = 89.4) without overflowing early.
std::pair<Value*, Value*> half_exps(const MathBuilder& m, Value* a) {
  auto& b = m.ir();
  ExpParts e = exp_parts_f32(m, a);
  Value* up = m.ldexp(e.p, b.CreateSub(e.k, m.ci(1)));
  Value* down = m.ldexp(m.div(m.c(1.0), e.p), b.CreateSub(m.ci(-1), e.k));
  return {up, down};
}

MathBuilder double_of(const MathBuilder& m) { return m.with_element(m.ir().getDoubleTy()); }

}  // namespace

Value* sinh_f32(const MathBuilder& m, Value* x) {
  Value* a = m.abs(x);
  Value* x2 = m.mul(x, x);
  Value* small = m.fma(m.mul(x, x2), m.poly(x2, kSinhF), x);
  auto [up, down] = half_exps(m, a);
  Value* large = m.copysign(m.sub(up, down), x);
  Value* r = m.select(m.lt(a, m.c(1.0)), small, large);
  r = m.select(m.eq(x, m.c(0.0)), x, r);  // keeps the sign of zero
  return m.select(m.is_nan(x), x, r);
}

Value* cosh_f32(const MathBuilder& m, Value* x) {
  auto [up, down] = half_exps(m, m.abs(x));
  return m.select(m.is_nan(x), x, m.add(up, down));
}

Value* tanh_f32(const MathBuilder& m, Value* x) {
  Value* a = m.abs(x);
  Value* x2 = m.mul(x, x);
  Value* small = m.fma(m.mul(x, x2), m.poly(x2, kTanhF), x);
  // tanh(a) = (1 - e) / (1 + e) with e = exp(-2a) <= exp(-1.25): no cancellation, no overflow.
  ExpParts parts = exp_parts_f32(m, m.mul(a, m.c(-2.0)));
  Value* e = m.ldexp(parts.p, parts.k);
  Value* large = m.copysign(m.div(m.sub(m.c(1.0), e), m.add(m.c(1.0), e)), x);
  Value* r = m.select(m.lt(a, m.c(0.625)), small, large);
  r = m.select(m.eq(x, m.c(0.0)), x, r);  // keeps the sign of zero
  return m.select(m.is_nan(x), x, r);
}

Value* asinh_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Value* xd = m.convert(x, d);
  Value* a = d.abs(xd);
  Value* a2 = d.mul(a, a);  // exact for float a, finite up to FLT_MAX^2
  // asinh(a) = log1p(a + a^2 / (1 + sqrt(1 + a^2)))
  Value* arg = d.add(a, d.div(a2, d.add(d.c(1.0), d.sqrt(d.add(d.c(1.0), a2)))));
  Value* v = d.select(d.eq(a, d.inf()), d.inf(), log1p_d(d, arg));
  Value* r = d.convert(d.copysign(v, xd), m);
  return m.select(m.is_nan(x), x, r);
}

Value* acosh_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Value* y = d.sub(m.convert(x, d), d.c(1.0));  // exact
  // acosh(1 + y) = log1p(y + sqrt(y (y + 2)))
  Value* v = log1p_d(d, d.add(y, d.sqrt(d.mul(y, d.add(y, d.c(2.0))))));
  v = d.select(d.eq(y, d.inf()), d.inf(), v);
  Value* r = d.convert(v, m);
  r = m.select(m.lt(x, m.c(1.0)), m.nan(), r);
  return m.select(m.is_nan(x), x, r);
}

Value* atanh_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Value* xd = m.convert(x, d);
  Value* a = d.abs(xd);
  // atanh(a) = log1p(2a / (1 - a)) / 2; a = 1 gives inf.
  Value* v = d.mul(d.c(0.5), log1p_d(d, d.div(d.mul(d.c(2.0), a), d.sub(d.c(1.0), a))));
  Value* r = d.convert(d.copysign(v, xd), m);
  r = m.select(m.gt(m.abs(x), m.c(1.0)), m.nan(), r);
  return m.select(m.is_nan(x), x, r);
}

}  // namespace lamina::jit::detail
