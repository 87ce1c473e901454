// exp, expm1, log, log1p, log2, log10 for float32, and the double-precision exp/log cores that
// the functions computed through double (pow, asinh, ...) share.
//
// exp:   x = k ln2 + r with |r| <= ln2/2 (Cody–Waite: ln2 as a float pair, the first product
//        exact under fma), exp(r) by a degree-6 polynomial, then 2^k applied in two exact
//        power-of-two steps so subnormal results are rounded once.
// log:   x = 2^e m with m in [sqrt(1/2), sqrt(2)), log(m) = log1p(f) = f - f^2/2 + f^3 P(f),
//        e ln2 added with ln2 split so that e * ln2_hi is exact.
#include <cstdint>

#include "jit/math_coefficients.h"
#include "jit/math_functions.h"

namespace lamina::jit::detail {

namespace {

constexpr double kLog2e = 1.4426950408889634;
// ln2 = kLn2HiF + kLn2LoF: the float nearest ln2 and the rest (rounded to float when emitted).
constexpr double kLn2HiF = 0.693147182464599609375;
constexpr double kLn2LoF = -1.904654299957768e-09;
// ln2 = kLn2Hi9 + kLn2Lo9 with a 9-bit head, so e * kLn2Hi9 is exact for any float exponent.
constexpr double kLn2Hi9 = 0.693359375;
constexpr double kLn2Lo9 = -2.12194440054690583e-4;
constexpr double kLn2HiD = 0.6931471805599453;
constexpr double kLn2LoD = 2.3190468138462996e-17;
constexpr double kLog10e = 0.43429448190325182765;
constexpr double kLog10_2 = 0.30102999566398119521;
constexpr double kLog10_2Hi = 0.30078125;  // 7 bits
constexpr double kFloatMin = 1.17549435082228750797e-38;

/// float x > 0 (may be subnormal) as 2^e * (1 + f), 1 + f in [sqrt(1/2), sqrt(2)), and the
/// tail of log1p(f) = f + tail. Garbage for x <= 0, inf, NaN: callers select those.
struct LogParts {
  Value* e;     // float, integral
  Value* f;     // exact
  Value* tail;  // -f^2/2 + f^3 P(f)
};

LogParts log_parts_f32(const MathBuilder& m, Value* x) {
  auto& b = m.ir();
  Value* subnormal = m.lt(x, m.c(kFloatMin));
  Value* xs = m.select(subnormal, m.mul(x, m.c(8388608.0)), x);  // * 2^23
  constexpr int64_t kSqrtHalfBits = 0x3f3504f3;
  Value* ix = b.CreateSub(m.to_bits(xs), m.ci(kSqrtHalfBits));
  Value* e = b.CreateAdd(b.CreateAShr(ix, m.ci(23)), m.select(subnormal, m.ci(-23), m.ci(0)));
  Value* mant = b.CreateAdd(b.CreateAnd(ix, m.ci(0x7fffff)), m.ci(kSqrtHalfBits));
  Value* f = m.sub(m.from_bits(mant), m.c(1.0));
  Value* f2 = m.mul(f, f);
  Value* tail = m.fma(m.mul(f2, f), m.poly(f, kLogF), m.mul(f2, m.c(-0.5)));
  return {b.CreateSIToFP(e, m.type()), f, tail};
}

/// log(x) with the IEEE special cases: log(0) = -inf, log(<0) = NaN, log(inf) = inf, NaN -> NaN.
Value* log_specials(const MathBuilder& m, Value* x, Value* finite_result, Value* at_zero) {
  Value* r = m.select(m.eq(x, m.inf()), m.inf(), finite_result);
  r = m.select(m.eq(x, m.c(0.0)), at_zero, r);
  r = m.select(m.lt(x, m.c(0.0)), m.nan(), r);
  return m.select(m.is_nan(x), x, r);
}

}  // namespace

// --- float32 ---

ExpParts exp_parts_f32(const MathBuilder& m, Value* a) {
  Value* s = m.clamp(a, -110.0, 90.0);
  Value* kf = m.round_small(m.mul(s, m.c(kLog2e)));
  Value* r = m.fma(kf, m.c(-kLn2HiF), s);  // exact
  r = m.fma(kf, m.c(-kLn2LoF), r);
  Value* q = m.fma(m.mul(r, r), m.poly(r, kExpF), r);
  return {m.add(m.c(1.0), q), m.to_int(kf)};
}

Value* exp_f32(const MathBuilder& m, Value* x) {
  ExpParts e = exp_parts_f32(m, x);
  return m.select(m.is_nan(x), x, m.ldexp(e.p, e.k));
}

Value* expm1_core_f32(const MathBuilder& m, Value* x) {
  auto& b = m.ir();
  // Below -20 the result rounds to -1; above 89 it overflows (k = 128 at most keeps 2^(k-1) normal).
  Value* xc = m.clamp(x, -20.0, 89.0);
  Value* kf = m.round_small(m.mul(xc, m.c(kLog2e)));
  Value* r = m.fma(kf, m.c(-kLn2HiF), xc);
  r = m.fma(kf, m.c(-kLn2LoF), r);
  Value* em = m.fma(m.mul(r, r), m.poly(r, kExpm1F), r);  // expm1(r)
  // expm1(x) = 2^k (em + 1) - 1 = 2 (2^(k-1) em + (2^(k-1) - 1/2)); 2^(k-1) - 1/2 is exact
  // whenever it matters (k >= -23), and the doubling is exact unless it overflows.
  Value* half_scale = m.pow2(b.CreateSub(m.to_int(kf), m.ci(1)));
  Value* res = m.mul(m.c(2.0), m.fma(half_scale, em, m.sub(half_scale, m.c(0.5))));
  // expm1(x) = x for |x| < 2^-25 (keeps -0 and subnormals exact).
  return m.select(m.lt(m.abs(x), m.c(0x1p-25)), x, res);
}

Value* expm1_f32(const MathBuilder& m, Value* x) {
  return m.select(m.is_nan(x), x, expm1_core_f32(m, x));
}

Value* log_f32(const MathBuilder& m, Value* x) {
  LogParts p = log_parts_f32(m, x);
  Value* z = m.fma(p.e, m.c(kLn2Lo9), p.tail);
  Value* r = m.fma(p.e, m.c(kLn2Hi9), m.add(p.f, z));
  return log_specials(m, x, r, m.neg(m.inf()));
}

Value* log2_f32(const MathBuilder& m, Value* x) {
  LogParts p = log_parts_f32(m, x);
  // log2(x) = e + log1p(f) log2(e), with log2(e) as a float pair for the exact part f.
  constexpr double kHi = 1.44269502162933349609375;  // float(log2 e)
  constexpr double kLo = 1.9259629911266175e-08;   // log2(e) - kHi
  Value* s = m.fma(p.f, m.c(kLo), m.mul(p.tail, m.c(kLog2e)));
  s = m.fma(p.f, m.c(kHi), s);
  return log_specials(m, x, m.add(p.e, s), m.neg(m.inf()));
}

Value* log10_f32(const MathBuilder& m, Value* x) {
  LogParts p = log_parts_f32(m, x);
  constexpr double kHi = 0.434294492006301879883;  // float(log10 e)
  constexpr double kLo = kLog10e - kHi;
  Value* z = m.fma(p.tail, m.c(kLog10e), m.mul(p.e, m.c(kLog10_2 - kLog10_2Hi)));
  z = m.fma(p.f, m.c(kLo), z);
  z = m.fma(p.f, m.c(kHi), z);
  return log_specials(m, x, m.fma(p.e, m.c(kLog10_2Hi), z), m.neg(m.inf()));
}

Value* log1p_core_f32(const MathBuilder& m, Value* x) {
  // u = 1 + x rounded; c = (1 + x) - u exactly (Fast2Sum, larger operand first), and
  // log1p(x) = log(u) + log(1 + c/u) ~ log(u) + c/u.
  Value* u = m.add(m.c(1.0), x);
  Value* c = m.select(m.le(m.abs(x), m.c(1.0)), m.sub(x, m.sub(u, m.c(1.0))),
                      m.sub(m.c(1.0), m.sub(u, x)));
  LogParts p = log_parts_f32(m, u);
  Value* z = m.add(p.tail, m.fma(p.e, m.c(kLn2Lo9), m.div(c, u)));
  Value* r = m.fma(p.e, m.c(kLn2Hi9), m.add(p.f, z));
  r = m.select(m.lt(m.abs(x), m.c(0x1p-25)), x, r);  // log1p(x) = x: keeps -0, subnormals
  r = m.select(m.eq(x, m.inf()), m.inf(), r);
  r = m.select(m.eq(x, m.c(-1.0)), m.neg(m.inf()), r);
  return m.select(m.lt(x, m.c(-1.0)), m.nan(), r);
}

Value* log1p_f32(const MathBuilder& m, Value* x) {
  return m.select(m.is_nan(x), x, log1p_core_f32(m, x));
}

// --- double cores ---

Value* exp_d(const MathBuilder& d, Value* t, bool coarse) {
  Value* tc = d.clamp(t, -200.0, 200.0);
  Value* kf = d.round_small(d.mul(tc, d.c(kLog2e)));
  Value* r = d.fma(kf, d.c(-kLn2HiD), tc);
  r = d.fma(kf, d.c(-kLn2LoD), r);
  Value* poly = coarse ? d.poly(r, kExpF) : d.poly(r, kExpD);
  Value* p = d.add(d.c(1.0), d.fma(d.mul(r, r), poly, r));
  return d.select(d.is_nan(t), t, d.mul(p, d.pow2(d.to_int(kf))));
}

Value* log_d(const MathBuilder& d, Value* a) {
  auto& b = d.ir();
  constexpr int64_t kSqrtHalfBits = 0x3fe6a09e667f3bcd;
  Value* ix = b.CreateSub(d.to_bits(a), d.ci(kSqrtHalfBits));
  Value* e = b.CreateSIToFP(b.CreateAShr(ix, d.ci(52)), d.type());
  Value* mant = b.CreateAdd(b.CreateAnd(ix, d.ci(0xfffffffffffffLL)), d.ci(kSqrtHalfBits));
  Value* f = d.sub(d.from_bits(mant), d.c(1.0));
  Value* s = d.div(f, d.add(d.c(2.0), f));
  Value* s2 = d.mul(s, s);
  Value* l = d.fma(d.mul(s, s2), d.poly(s2, kLogD), d.mul(d.c(2.0), s));
  Value* r = d.fma(e, d.c(kLn2HiD), d.fma(e, d.c(kLn2LoD), l));
  return log_specials(d, a, r, d.neg(d.inf()));
}

Value* log1p_d(const MathBuilder& d, Value* a) {
  Value* u = d.add(d.c(1.0), a);
  Value* c = d.select(d.le(d.abs(a), d.c(1.0)), d.sub(a, d.sub(u, d.c(1.0))),
                      d.sub(d.c(1.0), d.sub(u, a)));
  Value* r = d.add(log_d(d, u), d.div(c, u));
  r = d.select(d.eq(a, d.inf()), d.inf(), r);
  r = d.select(d.eq(a, d.c(-1.0)), d.neg(d.inf()), r);
  r = d.select(d.lt(a, d.c(-1.0)), d.nan(), r);
  return d.select(d.is_nan(a), a, r);
}

}  // namespace lamina::jit::detail
