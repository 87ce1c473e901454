#pragma once
// Internal to the vector math: a thin layer over IRBuilder that speaks in values of one
// floating-point shape (float or double, scalar or fixed vector), so the algorithms in
// math_*.cpp read like the formulas they implement.
//
// Every operation is exactly-rounded IEEE arithmetic with no fast-math flags; the algorithms
// depend on that (Cody–Waite reductions, the round-to-integer trick, Fast2Sum corrections).
#include <llvm/IR/IRBuilder.h>

#include <initializer_list>

namespace lamina::jit::detail {

class MathBuilder {
 public:
  /// `type` is float or double, scalar or fixed vector.
  MathBuilder(llvm::IRBuilder<>& b, llvm::Type* type);

  llvm::IRBuilder<>& ir() const { return b_; }
  llvm::Type* type() const { return type_; }
  bool is_double() const;
  /// The same shape with the other element type (float <-> double).
  MathBuilder with_element(llvm::Type* element) const;
  /// The integer type with the same shape and width (i32 for float, i64 for double).
  llvm::Type* int_type() const { return int_type_; }
  /// A 64-bit integer type of the same shape.
  llvm::Type* i64_type() const;

  // --- constants (splat for vectors) ---
  llvm::Value* c(double v) const;         // rounded to the element type
  llvm::Value* ci(int64_t v) const;       // of int_type()
  llvm::Value* ci64(uint64_t v) const;    // of i64_type()
  llvm::Value* nan() const;
  llvm::Value* inf() const;

  // --- arithmetic ---
  llvm::Value* add(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* sub(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* mul(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* div(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* neg(llvm::Value* a) const;
  llvm::Value* fma(llvm::Value* a, llvm::Value* b, llvm::Value* c) const;  // a*b + c, one rounding
  llvm::Value* sqrt(llvm::Value* a) const;
  llvm::Value* abs(llvm::Value* a) const;
  llvm::Value* copysign(llvm::Value* magnitude, llvm::Value* sign) const;
  /// Polynomial c[0] + c[1] x + ... by Horner's rule with fmas.
  llvm::Value* poly(llvm::Value* x, const double* coeffs, size_t n) const;
  template <size_t N>
  llvm::Value* poly(llvm::Value* x, const double (&coeffs)[N]) const { return poly(x, coeffs, N); }
  /// Round to nearest integer (ties to even) for |x| < 2^22 (float) / 2^51 (double).
  llvm::Value* round_small(llvm::Value* x) const;
  /// x * 2^k for integer k (int_type) with both halves of k in the normal exponent range
  /// (|k| <= 252 for float): two power-of-two factors, each exact, so the only rounding is the
  /// final one and subnormal results stay correct.
  llvm::Value* ldexp(llvm::Value* x, llvm::Value* k) const;
  /// 2^k as a floating value for integer k in the normal exponent range.
  llvm::Value* pow2(llvm::Value* k) const;

  // --- comparisons (ordered: false if any operand is NaN) and selection ---
  llvm::Value* lt(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* le(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* gt(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* ge(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* eq(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* is_nan(llvm::Value* a) const;
  llvm::Value* is_inf(llvm::Value* a) const;
  llvm::Value* sign_bit(llvm::Value* a) const;  // true for -0.0, negative numbers and -NaN
  llvm::Value* select(llvm::Value* cond, llvm::Value* a, llvm::Value* b) const;
  llvm::Value* and_(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* or_(llvm::Value* a, llvm::Value* b) const;
  llvm::Value* not_(llvm::Value* a) const;
  /// Clamps x into [lo, hi]; NaN becomes lo (callers restore NaN at the end).
  llvm::Value* clamp(llvm::Value* x, double lo, double hi) const;

  // --- bits and conversions ---
  llvm::Value* to_bits(llvm::Value* x) const;    // bitcast to int_type()
  llvm::Value* from_bits(llvm::Value* i) const;  // bitcast from int_type()
  llvm::Value* to_int(llvm::Value* x) const;     // fptosi to int_type(); x must be integral, in range
  llvm::Value* convert(llvm::Value* x, const MathBuilder& to) const;  // fpext / fptrunc

 private:
  llvm::IRBuilder<>& b_;
  llvm::Type* type_;
  llvm::Type* int_type_;
};

}  // namespace lamina::jit::detail
