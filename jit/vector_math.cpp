// emit_math: checks the operands and dispatches to the float32 algorithms (math_*.cpp) or, for
// float64, to the C library per lane (math_libm.cpp) plus the compositions libm lacks.
#include "jit/vector_math.h"

#include <llvm/IR/DerivedTypes.h>
#include <llvm/Support/raw_ostream.h>

#include <string>

#include "jit/math_functions.h"
#include "lamina/error.h"

namespace lamina::jit {

using detail::MathBuilder;
using llvm::Value;

const char* math_fn_name(MathFn fn) {
  switch (fn) {
    case MathFn::Exp: return "exp";
    case MathFn::Expm1: return "expm1";
    case MathFn::Log: return "log";
    case MathFn::Log1p: return "log1p";
    case MathFn::Sin: return "sin";
    case MathFn::Cos: return "cos";
    case MathFn::Tan: return "tan";
    case MathFn::Asin: return "asin";
    case MathFn::Acos: return "acos";
    case MathFn::Atan: return "atan";
    case MathFn::Sinh: return "sinh";
    case MathFn::Cosh: return "cosh";
    case MathFn::Tanh: return "tanh";
    case MathFn::Asinh: return "asinh";
    case MathFn::Acosh: return "acosh";
    case MathFn::Atanh: return "atanh";
    case MathFn::Erf: return "erf";
    case MathFn::Sigmoid: return "sigmoid";
    case MathFn::Softplus: return "softplus";
    case MathFn::Pow: return "pow";
    case MathFn::Atan2: return "atan2";
    case MathFn::Log2: return "log2";
    case MathFn::Log10: return "log10";
    case MathFn::Gelu: return "gelu";
  }
  return "?";
}

namespace {

bool is_binary(MathFn fn) { return fn == MathFn::Pow || fn == MathFn::Atan2; }

std::string type_name(llvm::Type* type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  type->print(os);
  return os.str();
}

void check_operands(MathFn fn, Value* x, Value* y) {
  auto fail = [&](const std::string& what) {
    throw Error(ErrorKind::Internal,
                std::string("emit_math(") + math_fn_name(fn) + "): " + what,
                {}, "this is a bug in Lamina's code generator; please report it");
  };
  if (!x) fail("the operand is null");
  llvm::Type* type = x->getType();
  bool fixed_vector = llvm::isa<llvm::FixedVectorType>(type);
  if ((!type->isFloatingPointTy() && !fixed_vector) ||
      (!type->getScalarType()->isFloatTy() && !type->getScalarType()->isDoubleTy()))
    fail("expected float or double (scalar or fixed vector), got " + type_name(type));
  if (is_binary(fn) && !y) fail("needs a second operand");
  if (!is_binary(fn) && y) fail("takes one operand, got two");
  if (y && y->getType() != type)
    fail("operands differ in type: " + type_name(type) + " and " + type_name(y->getType()));
}

Value* emit_f32(const MathBuilder& m, MathFn fn, Value* x, Value* y) {
  using namespace detail;
  switch (fn) {
    case MathFn::Exp: return exp_f32(m, x);
    case MathFn::Expm1: return expm1_f32(m, x);
    case MathFn::Log: return log_f32(m, x);
    case MathFn::Log1p: return log1p_f32(m, x);
    case MathFn::Log2: return log2_f32(m, x);
    case MathFn::Log10: return log10_f32(m, x);
    case MathFn::Sin: return sin_f32(m, x);
    case MathFn::Cos: return cos_f32(m, x);
    case MathFn::Tan: return tan_f32(m, x);
    case MathFn::Asin: return asin_f32(m, x);
    case MathFn::Acos: return acos_f32(m, x);
    case MathFn::Atan: return atan_f32(m, x);
    case MathFn::Atan2: return atan2_f32(m, x, y);
    case MathFn::Sinh: return sinh_f32(m, x);
    case MathFn::Cosh: return cosh_f32(m, x);
    case MathFn::Tanh: return tanh_f32(m, x);
    case MathFn::Asinh: return asinh_f32(m, x);
    case MathFn::Acosh: return acosh_f32(m, x);
    case MathFn::Atanh: return atanh_f32(m, x);
    case MathFn::Erf: return erf_f32(m, x);
    case MathFn::Gelu: return gelu_f32(m, x);
    case MathFn::Sigmoid: return sigmoid_f32(m, x);
    case MathFn::Softplus: return softplus_f32(m, x);
    case MathFn::Pow: return pow_f32(m, x, y);
  }
  return nullptr;
}

Value* emit_f64(const MathBuilder& d, MathFn fn, Value* x, Value* y) {
  using detail::libm_f64;
  switch (fn) {
    case MathFn::Sigmoid: {
      // 1/(1+e) or e/(1+e) with e = exp(-|x|), as for float.
      Value* e = libm_f64(d, "exp", d.neg(d.abs(x)));
      Value* num = d.select(d.lt(x, d.c(0.0)), e, d.c(1.0));
      return d.select(d.is_nan(x), x, d.div(num, d.add(d.c(1.0), e)));
    }
    case MathFn::Softplus: {
      Value* l = libm_f64(d, "log1p", libm_f64(d, "exp", d.neg(d.abs(x))));
      Value* r = d.add(d.select(d.gt(x, d.c(0.0)), x, d.c(0.0)), l);
      return d.select(d.is_nan(x), x, r);
    }
    case MathFn::Gelu: {
      constexpr double kInvSqrt2 = 0.70710678118654752440;
      constexpr double kInvSqrt2Lo = -4.8336466567264567e-17;  // 1/sqrt2 - double(1/sqrt2)
      Value* z = d.mul(x, d.c(kInvSqrt2));
      Value* z_lo = d.fma(x, d.c(kInvSqrt2Lo), d.fma(x, d.c(kInvSqrt2), d.neg(z)));
      Value* half_x = d.mul(x, d.c(0.5));
      Value* upper = d.fma(half_x, libm_f64(d, "erf", z), half_x);
      // erfc(w + w_lo) = erfc(w) - w_lo 2/sqrt(pi) exp(-w^2) to first order; w_lo matters
      // because erfc's relative slope grows like 2w.
      Value* w = d.neg(z);
      Value* slope = d.mul(d.c(1.1283791670955126), libm_f64(d, "exp", d.neg(d.mul(w, w))));
      Value* erfc = d.fma(z_lo, slope, libm_f64(d, "erfc", w));  // w_lo = -z_lo
      Value* lower = d.mul(half_x, erfc);
      lower = d.select(d.lt(x, d.c(-40.0)), d.c(-0.0), lower);
      Value* r = d.select(d.ge(x, d.c(-0.674)), upper, lower);
      r = d.select(d.eq(x, d.c(0.0)), x, r);
      return d.select(d.is_nan(x), x, r);
    }
    default: return libm_f64(d, math_fn_name(fn), x, y);
  }
}

}  // namespace

Value* emit_math(llvm::IRBuilder<>& b, MathFn fn, Value* x, Value* y) {
  check_operands(fn, x, y);
  // The algorithms need exactly-rounded IEEE arithmetic: no contraction or reassociation.
  llvm::IRBuilderBase::FastMathFlagGuard guard(b);
  b.clearFastMathFlags();
  MathBuilder m(b, x->getType());
  return m.is_double() ? emit_f64(m, fn, x, y) : emit_f32(m, fn, x, y);
}

}  // namespace lamina::jit
