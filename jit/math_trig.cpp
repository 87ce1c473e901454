// sin, cos, tan, asin, acos, atan, atan2 for float32, computed in double.
//
// Range reduction is exact for every float: |x| = M 2^E (M a 24-bit integer) times 2/pi, mod 4,
// is M times a 96-bit window of the bits of 2/pi chosen by E (Payne–Hanek with integer
// arithmetic; the window is picked with selects, no table in memory). That gives the quadrant
// and the reduced argument with 62 fraction bits, far more than the worst float case needs.
// The polynomials then run in double, so the float result is rounded once from a value that is
// accurate to ~2^-48.
#include <cstdint>

#include "jit/math_coefficients.h"
#include "jit/math_functions.h"

namespace lamina::jit::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kPiOver2 = 1.57079632679489661923;
constexpr double kPiOver4 = 0.78539816339744830962;

// The first 224 bits of 2/pi, after one word of zeros (so windows that start before the binary
// point read zeros).
constexpr uint64_t kTwoOverPiWords[8] = {0,          0xA2F9836E, 0x4E441529, 0xFC2757D1,
                                         0xF534DDC0, 0xDB629599, 0x3C439041, 0xFE5163AB};

/// |x| (float) = (j + f) pi/2 with j the nearest quadrant (mod 4) and |f| <= 1/2.
struct Reduced {
  Value* r;  // f pi/2, double
  Value* j;  // i64 in [0, 3]
};

Reduced reduce_quadrant(const MathBuilder& m, const MathBuilder& d, Value* x) {
  auto& b = m.ir();
  Value* ax = m.abs(x);
  Value* bits = b.CreateZExt(m.to_bits(ax), d.int_type());
  // |x| = M 2^E. Lanes below pi/4 use no reduction; inf/NaN lanes are replaced later, so E is
  // clamped to the range the window table covers ([-24, 104]).
  Value* E = b.CreateSub(b.CreateLShr(bits, d.ci(23)), d.ci(150));
  E = b.CreateSelect(b.CreateICmpSLT(E, d.ci(-24)), d.ci(-24), E);
  E = b.CreateSelect(b.CreateICmpSGT(E, d.ci(104)), d.ci(104), E);
  Value* M = b.CreateOr(b.CreateAnd(bits, d.ci(0x7fffff)), d.ci(0x800000));

  // The window starts at bit E - 1 of 2/pi (weight 2 after multiplying by 2^E): bit s0 = E + 30
  // of the zero-padded word string.
  Value* s0 = b.CreateAdd(E, d.ci(30));
  Value* q = b.CreateLShr(s0, d.ci(5));
  Value* t = b.CreateAnd(s0, d.ci(31));
  Value* words[4];
  for (int i = 0; i < 4; ++i) {
    Value* w = d.ci(static_cast<int64_t>(kTwoOverPiWords[4 + i]));
    for (int qq = 3; qq >= 0; --qq)
      w = b.CreateSelect(b.CreateICmpEQ(q, d.ci(qq)),
                         d.ci(static_cast<int64_t>(kTwoOverPiWords[qq + i])), w);
    words[i] = w;
  }
  Value* back = b.CreateSub(d.ci(32), t);
  auto window_word = [&](Value* hi, Value* lo) {
    return b.CreateAnd(b.CreateOr(b.CreateShl(hi, t), b.CreateLShr(lo, back)), d.ci(0xffffffff));
  };
  Value* w2 = window_word(words[0], words[1]);
  Value* w1 = window_word(words[1], words[2]);
  Value* w0 = window_word(words[2], words[3]);
  // P = floor(M * W / 2^32) mod 2^64 = (|x| 2/pi mod 4) * 2^62.
  Value* P = b.CreateAdd(b.CreateShl(b.CreateMul(M, w2), d.ci(32)), b.CreateMul(M, w1));
  P = b.CreateAdd(P, b.CreateLShr(b.CreateMul(M, w0), d.ci(32)));
  Value* rounded = b.CreateAdd(P, d.ci(int64_t{1} << 61));
  Value* j = b.CreateLShr(rounded, d.ci(62));
  Value* frac = b.CreateSub(b.CreateAnd(rounded, d.ci((int64_t{1} << 62) - 1)),
                            d.ci(int64_t{1} << 61));
  Value* f = d.mul(b.CreateSIToFP(frac, d.type()), d.c(0x1p-62));
  Value* r = d.mul(f, d.c(kPiOver2));

  Value* small = m.lt(ax, m.c(kPiOver4));
  return {d.select(small, m.convert(ax, d), r), d.select(small, d.ci(0), j)};
}

struct SinCos {
  Value* s;
  Value* c;
};

SinCos sincos_d(const MathBuilder& d, Value* r) {
  Value* r2 = d.mul(r, r);
  Value* s = d.fma(d.mul(r, r2), d.poly(r2, kSinD), r);
  Value* c = d.fma(d.mul(r2, r2), d.poly(r2, kCosD), d.fma(r2, d.c(-0.5), d.c(1.0)));
  return {s, c};
}

Value* bit_set(const MathBuilder& d, Value* j, int64_t mask) {
  return d.ir().CreateICmpNE(d.ir().CreateAnd(j, d.ci(mask)), d.ci(0));
}

/// Narrows a double result to float; non-finite x gives NaN.
Value* finish(const MathBuilder& m, const MathBuilder& d, Value* x, Value* result) {
  Value* r = d.convert(result, m);
  return m.select(m.eq(m.abs(x), m.inf()), m.nan(), m.select(m.is_nan(x), x, r));
}

MathBuilder double_of(const MathBuilder& m) { return m.with_element(m.ir().getDoubleTy()); }

}  // namespace

Value* sin_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Reduced red = reduce_quadrant(m, d, x);
  SinCos sc = sincos_d(d, red.r);
  Value* v = d.select(bit_set(d, red.j, 1), sc.c, sc.s);
  Value* negate = m.ir().CreateXor(bit_set(d, red.j, 2), m.sign_bit(x));
  return finish(m, d, x, d.select(negate, d.neg(v), v));
}

Value* cos_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Reduced red = reduce_quadrant(m, d, x);
  SinCos sc = sincos_d(d, red.r);
  Value* v = d.select(bit_set(d, red.j, 1), sc.s, sc.c);
  Value* negate = bit_set(d, m.ir().CreateAdd(red.j, d.ci(1)), 2);  // quadrants 1 and 2
  return finish(m, d, x, d.select(negate, d.neg(v), v));
}

Value* tan_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Reduced red = reduce_quadrant(m, d, x);
  SinCos sc = sincos_d(d, red.r);
  Value* v = d.select(bit_set(d, red.j, 1), d.neg(d.div(sc.c, sc.s)), d.div(sc.s, sc.c));
  return finish(m, d, x, d.select(m.sign_bit(x), d.neg(v), v));
}

// --- inverse functions ---

Value* atan_ratio_d(const MathBuilder& d, Value* num, Value* den) {
  Value* swap = d.gt(num, den);
  Value* lo = d.select(swap, den, num);
  Value* hi = d.select(swap, num, den);
  Value* t = d.div(lo, hi);
  t = d.select(d.eq(hi, d.c(0.0)), d.c(0.0), t);  // 0/0
  t = d.select(d.eq(lo, d.inf()), d.c(1.0), t);   // inf/inf
  // atan(t) = pi/4 + atan((t-1)/(t+1)) moves t in (tan(pi/8), 1] into the polynomial's range.
  Value* big = d.gt(t, d.c(0.41421356237309503));
  Value* v = d.select(big, d.div(d.sub(t, d.c(1.0)), d.add(t, d.c(1.0))), t);
  Value* v2 = d.mul(v, v);
  Value* a = d.fma(d.mul(v, v2), d.poly(v2, kAtanD), v);
  a = d.select(big, d.add(d.c(kPiOver4), a), a);
  return d.select(swap, d.sub(d.c(kPiOver2), a), a);
}

Value* atan_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Value* xd = m.convert(x, d);
  Value* a = atan_ratio_d(d, d.abs(xd), d.c(1.0));
  Value* r = d.convert(d.copysign(a, xd), m);
  return m.select(m.is_nan(x), x, r);
}

Value* atan2_f32(const MathBuilder& m, Value* y, Value* x) {
  MathBuilder d = double_of(m);
  Value* yd = m.convert(y, d);
  Value* xd = m.convert(x, d);
  Value* a = atan_ratio_d(d, d.abs(yd), d.abs(xd));
  a = d.select(d.sign_bit(xd), d.sub(d.c(kPi), a), a);  // x < 0 or x = -0: the left half-plane
  Value* r = d.convert(d.copysign(a, yd), m);
  r = m.select(m.is_nan(x), x, r);
  return m.select(m.is_nan(y), y, r);
}

Value* asin_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Value* xd = m.convert(x, d);
  Value* a = d.abs(xd);
  // asin(a) = atan(a / sqrt(1 - a^2)); (1-a)(1+a) is exact enough near a = 1 in double.
  Value* cosine = d.sqrt(d.mul(d.sub(d.c(1.0), a), d.add(d.c(1.0), a)));
  Value* r = d.convert(d.copysign(atan_ratio_d(d, a, cosine), xd), m);
  r = m.select(m.gt(m.abs(x), m.c(1.0)), m.nan(), r);
  return m.select(m.is_nan(x), x, r);
}

Value* acos_f32(const MathBuilder& m, Value* x) {
  MathBuilder d = double_of(m);
  Value* xd = m.convert(x, d);
  Value* a = d.abs(xd);
  Value* sine = d.sqrt(d.mul(d.sub(d.c(1.0), a), d.add(d.c(1.0), a)));
  Value* t = atan_ratio_d(d, sine, a);  // acos(|x|)
  Value* r = d.convert(d.select(d.lt(xd, d.c(0.0)), d.sub(d.c(kPi), t), t), m);
  r = m.select(m.gt(m.abs(x), m.c(1.0)), m.nan(), r);
  return m.select(m.is_nan(x), x, r);
}

}  // namespace lamina::jit::detail
