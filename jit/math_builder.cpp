#include "jit/math_builder.h"

#include <llvm/IR/Constants.h>
#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Intrinsics.h>

#include <limits>

namespace lamina::jit::detail {

namespace {

llvm::Type* same_shape(llvm::Type* type, llvm::Type* element) {
  if (auto* vec = llvm::dyn_cast<llvm::FixedVectorType>(type))
    return llvm::FixedVectorType::get(element, vec->getNumElements());
  return element;
}

}  // namespace

MathBuilder::MathBuilder(llvm::IRBuilder<>& b, llvm::Type* type) : b_(b), type_(type) {
  llvm::Type* element = type->getScalarType();
  int_type_ = same_shape(type, b.getIntNTy(element->getPrimitiveSizeInBits()));
}

bool MathBuilder::is_double() const { return type_->getScalarType()->isDoubleTy(); }

MathBuilder MathBuilder::with_element(llvm::Type* element) const {
  return MathBuilder(b_, same_shape(type_, element));
}

llvm::Type* MathBuilder::i64_type() const { return same_shape(type_, b_.getInt64Ty()); }

llvm::Value* MathBuilder::c(double v) const { return llvm::ConstantFP::get(type_, v); }
llvm::Value* MathBuilder::ci(int64_t v) const {
  return llvm::ConstantInt::get(int_type_, static_cast<uint64_t>(v), /*IsSigned=*/true);
}
llvm::Value* MathBuilder::ci64(uint64_t v) const { return llvm::ConstantInt::get(i64_type(), v); }
llvm::Value* MathBuilder::nan() const { return c(std::numeric_limits<double>::quiet_NaN()); }
llvm::Value* MathBuilder::inf() const { return c(std::numeric_limits<double>::infinity()); }

llvm::Value* MathBuilder::add(llvm::Value* a, llvm::Value* b) const { return b_.CreateFAdd(a, b); }
llvm::Value* MathBuilder::sub(llvm::Value* a, llvm::Value* b) const { return b_.CreateFSub(a, b); }
llvm::Value* MathBuilder::mul(llvm::Value* a, llvm::Value* b) const { return b_.CreateFMul(a, b); }
llvm::Value* MathBuilder::div(llvm::Value* a, llvm::Value* b) const { return b_.CreateFDiv(a, b); }
llvm::Value* MathBuilder::neg(llvm::Value* a) const { return b_.CreateFNeg(a); }

llvm::Value* MathBuilder::fma(llvm::Value* a, llvm::Value* b, llvm::Value* c) const {
  return b_.CreateIntrinsic(llvm::Intrinsic::fma, {type_}, {a, b, c});
}
llvm::Value* MathBuilder::sqrt(llvm::Value* a) const {
  return b_.CreateUnaryIntrinsic(llvm::Intrinsic::sqrt, a);
}
llvm::Value* MathBuilder::abs(llvm::Value* a) const {
  return b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, a);
}
llvm::Value* MathBuilder::copysign(llvm::Value* magnitude, llvm::Value* sign) const {
  return b_.CreateBinaryIntrinsic(llvm::Intrinsic::copysign, magnitude, sign);
}

llvm::Value* MathBuilder::poly(llvm::Value* x, const double* coeffs, size_t n) const {
  llvm::Value* acc = c(coeffs[n - 1]);
  for (size_t i = n - 1; i-- > 0;) acc = fma(acc, x, c(coeffs[i]));
  return acc;
}

llvm::Value* MathBuilder::round_small(llvm::Value* x) const {
  // Adding 1.5 * 2^(p-1) pushes the fraction bits out of the significand; round-to-nearest
  // does the rounding, the subtraction is exact.
  double magic = is_double() ? 6755399441055744.0 : 12582912.0;
  return sub(add(x, c(magic)), c(magic));
}

llvm::Value* MathBuilder::pow2(llvm::Value* k) const {
  int mantissa = is_double() ? 52 : 23;
  int bias = is_double() ? 1023 : 127;
  return from_bits(b_.CreateShl(b_.CreateAdd(k, ci(bias)), ci(mantissa)));
}

llvm::Value* MathBuilder::ldexp(llvm::Value* x, llvm::Value* k) const {
  llvm::Value* k1 = b_.CreateAShr(k, ci(1));
  llvm::Value* k2 = b_.CreateSub(k, k1);
  return mul(mul(x, pow2(k1)), pow2(k2));
}

llvm::Value* MathBuilder::lt(llvm::Value* a, llvm::Value* b) const { return b_.CreateFCmpOLT(a, b); }
llvm::Value* MathBuilder::le(llvm::Value* a, llvm::Value* b) const { return b_.CreateFCmpOLE(a, b); }
llvm::Value* MathBuilder::gt(llvm::Value* a, llvm::Value* b) const { return b_.CreateFCmpOGT(a, b); }
llvm::Value* MathBuilder::ge(llvm::Value* a, llvm::Value* b) const { return b_.CreateFCmpOGE(a, b); }
llvm::Value* MathBuilder::eq(llvm::Value* a, llvm::Value* b) const { return b_.CreateFCmpOEQ(a, b); }
llvm::Value* MathBuilder::is_nan(llvm::Value* a) const { return b_.CreateFCmpUNO(a, a); }
llvm::Value* MathBuilder::is_inf(llvm::Value* a) const { return eq(abs(a), inf()); }
llvm::Value* MathBuilder::sign_bit(llvm::Value* a) const {
  return b_.CreateICmpSLT(to_bits(a), ci(0));
}
llvm::Value* MathBuilder::select(llvm::Value* cond, llvm::Value* a, llvm::Value* b) const {
  return b_.CreateSelect(cond, a, b);
}
llvm::Value* MathBuilder::and_(llvm::Value* a, llvm::Value* b) const { return b_.CreateAnd(a, b); }
llvm::Value* MathBuilder::or_(llvm::Value* a, llvm::Value* b) const { return b_.CreateOr(a, b); }
llvm::Value* MathBuilder::not_(llvm::Value* a) const { return b_.CreateNot(a); }

llvm::Value* MathBuilder::clamp(llvm::Value* x, double lo, double hi) const {
  llvm::Value* above_lo = select(gt(x, c(lo)), x, c(lo));  // NaN -> lo
  return select(lt(above_lo, c(hi)), above_lo, c(hi));
}

llvm::Value* MathBuilder::to_bits(llvm::Value* x) const { return b_.CreateBitCast(x, int_type_); }
llvm::Value* MathBuilder::from_bits(llvm::Value* i) const { return b_.CreateBitCast(i, type_); }
llvm::Value* MathBuilder::to_int(llvm::Value* x) const { return b_.CreateFPToSI(x, int_type_); }

llvm::Value* MathBuilder::convert(llvm::Value* x, const MathBuilder& to) const {
  if (to.is_double() == is_double()) return x;
  return to.is_double() ? b_.CreateFPExt(x, to.type()) : b_.CreateFPTrunc(x, to.type());
}

}  // namespace lamina::jit::detail
