#include "jit/op_codegen.h"

#include <cmath>
#include <limits>

#include <llvm/IR/Intrinsics.h>

#include "jit/vector_math.h"

namespace lamina::jit {

using ir::Op;
using llvm::Value;

llvm::Type* lane_type(llvm::LLVMContext& c, DType t) {
  switch (t) {
    case DType::Bool: return llvm::Type::getInt1Ty(c);
    case DType::Int32: return llvm::Type::getInt32Ty(c);
    case DType::Int64: return llvm::Type::getInt64Ty(c);
    case DType::Float32: return llvm::Type::getFloatTy(c);
    case DType::Float64: return llvm::Type::getDoubleTy(c);
  }
  return nullptr;
}

llvm::Type* vector_type(llvm::LLVMContext& c, DType t) { return llvm::FixedVectorType::get(lane_type(c, t), kLanes); }

llvm::Type* memory_type(llvm::LLVMContext& c, DType t) {
  return t == DType::Bool ? llvm::Type::getInt8Ty(c) : lane_type(c, t);
}

Value* splat_constant(llvm::IRBuilder<>& b, DType t, double value) {
  llvm::Type* lane = lane_type(b.getContext(), t);
  Value* scalar;
  if (is_float(t)) scalar = llvm::ConstantFP::get(lane, value);
  else if (t == DType::Bool) scalar = b.getInt1(value != 0);
  else scalar = llvm::ConstantInt::get(lane, static_cast<uint64_t>(static_cast<int64_t>(value)), true);
  return b.CreateVectorSplat(kLanes, scalar);
}

namespace {

Value* intrinsic(llvm::IRBuilder<>& b, llvm::Intrinsic::ID id, Value* x) {
  return b.CreateUnaryIntrinsic(id, x);
}

Value* int_limit(llvm::IRBuilder<>& b, DType t, bool max) {
  double v = t == DType::Int32 ? (max ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::min())
                               : 0;
  if (t == DType::Int64) {
    auto* lane = llvm::Type::getInt64Ty(b.getContext());
    auto* c = llvm::ConstantInt::get(lane, max ? static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
                                                : static_cast<uint64_t>(std::numeric_limits<int64_t>::min()));
    return b.CreateVectorSplat(kLanes, c);
  }
  return splat_constant(b, t, v);
}

/// Python floor division and modulo on integers (division by zero gives 0, as NumPy).
Value* int_floor_div_mod(llvm::IRBuilder<>& b, DType t, Value* x, Value* y, bool want_mod) {
  Value* zero = splat_constant(b, t, 0);
  Value* one = splat_constant(b, t, 1);
  Value* by_zero = b.CreateICmpEQ(y, zero);
  // INT_MIN / -1 overflows: its quotient wraps to INT_MIN and its remainder is 0.
  Value* overflow = b.CreateAnd(b.CreateICmpEQ(x, int_limit(b, t, false)), b.CreateICmpEQ(y, splat_constant(b, t, -1)));
  Value* safe_y = b.CreateSelect(b.CreateOr(by_zero, overflow), one, y);
  Value* q = b.CreateSDiv(x, safe_y);
  Value* r = b.CreateSRem(x, safe_y);
  // Round toward -inf: when the remainder is non-zero and its sign differs from the divisor's.
  Value* adjust = b.CreateAnd(b.CreateICmpNE(r, zero),
                              b.CreateICmpNE(b.CreateICmpSLT(r, zero), b.CreateICmpSLT(y, zero)));
  if (want_mod) {
    Value* m = b.CreateSelect(adjust, b.CreateAdd(r, y), r);
    return b.CreateSelect(b.CreateOr(by_zero, overflow), zero, m);
  }
  q = b.CreateSelect(adjust, b.CreateSub(q, one), q);
  q = b.CreateSelect(overflow, x, q);
  return b.CreateSelect(by_zero, zero, q);
}

/// NumPy's npy_divmod on floats: Python's floor division and modulo. The
/// remainder has the divisor's sign (+0 or -0 when it is zero, as copysign(0, y));
/// a zero quotient has the sign of x / y; division by zero gives x / y and NaN.
struct FloatDivMod {
  Value* floordiv;
  Value* mod;
};

FloatDivMod float_divmod(llvm::IRBuilder<>& b, DType t, Value* x, Value* y) {
  Value* zero = splat_constant(b, t, 0);
  Value* one = splat_constant(b, t, 1);
  Value* r = b.CreateFRem(x, y);
  Value* div = b.CreateFDiv(b.CreateFSub(x, r), y);
  // A non-zero remainder (NaN counts) whose sign differs from the divisor's moves down by one.
  Value* nonzero = b.CreateFCmpUNE(r, zero);
  Value* adjust = b.CreateAnd(nonzero, b.CreateXor(b.CreateFCmpOLT(y, zero), b.CreateFCmpOLT(r, zero)));
  Value* signed_zero = b.CreateBinaryIntrinsic(llvm::Intrinsic::copysign, zero, y);
  Value* mod = b.CreateSelect(nonzero, b.CreateSelect(adjust, b.CreateFAdd(r, y), r), signed_zero);
  div = b.CreateSelect(adjust, b.CreateFSub(div, one), div);
  // Round the exact-but-for-rounding quotient to the nearest integer (halves down, as NumPy).
  Value* fl = b.CreateUnaryIntrinsic(llvm::Intrinsic::floor, div);
  fl = b.CreateSelect(b.CreateFCmpOGT(b.CreateFSub(div, fl), splat_constant(b, t, 0.5)), b.CreateFAdd(fl, one), fl);
  Value* quotient = b.CreateFDiv(x, y);
  Value* q = b.CreateSelect(b.CreateFCmpUNE(div, zero), fl, b.CreateBinaryIntrinsic(llvm::Intrinsic::copysign, zero, quotient));
  q = b.CreateSelect(b.CreateFCmpOEQ(y, zero), quotient, q);
  return {q, mod};
}

/// NumPy's maximum / minimum: NaN if either is NaN, else the larger (smaller)
/// one, the first operand when they compare equal (so maximum(-0, +0) is -0).
Value* float_extreme(llvm::IRBuilder<>& b, Value* x, Value* y, bool max) {
  Value* keep_x = b.CreateOr(b.CreateFCmpUNO(x, x), max ? b.CreateFCmpOGE(x, y) : b.CreateFCmpOLE(x, y));
  return b.CreateSelect(keep_x, x, y);
}

}  // namespace

Value* emit_unary(llvm::IRBuilder<>& b, Op op, DType t, Value* x) {
  bool f = is_float(t);
  switch (op) {
    case Op::Neg: return f ? b.CreateFNeg(x) : b.CreateNeg(x);
    case Op::Abs: return f ? intrinsic(b, llvm::Intrinsic::fabs, x)
                           : b.CreateBinaryIntrinsic(llvm::Intrinsic::abs, x, b.getFalse());
    case Op::Sign: {
      Value* zero = splat_constant(b, t, 0);
      if (f) {
        Value* pos = b.CreateFCmpOGT(x, zero), *neg = b.CreateFCmpOLT(x, zero);
        // ±0 give +0 and NaN stays NaN, as NumPy's sign.
        Value* rest = b.CreateSelect(b.CreateFCmpOEQ(x, zero), zero, x);
        return b.CreateSelect(pos, splat_constant(b, t, 1), b.CreateSelect(neg, splat_constant(b, t, -1), rest));
      }
      Value* pos = b.CreateZExt(b.CreateICmpSGT(x, zero), x->getType());
      Value* neg = b.CreateZExt(b.CreateICmpSLT(x, zero), x->getType());
      return b.CreateSub(pos, neg);
    }
    case Op::Sqrt: return intrinsic(b, llvm::Intrinsic::sqrt, x);
    case Op::Rsqrt: return b.CreateFDiv(splat_constant(b, t, 1), intrinsic(b, llvm::Intrinsic::sqrt, x));
    case Op::Exp: return emit_math(b, MathFn::Exp, x);
    case Op::Expm1: return emit_math(b, MathFn::Expm1, x);
    case Op::Log: return emit_math(b, MathFn::Log, x);
    case Op::Log1p: return emit_math(b, MathFn::Log1p, x);
    case Op::Sin: return emit_math(b, MathFn::Sin, x);
    case Op::Cos: return emit_math(b, MathFn::Cos, x);
    case Op::Tan: return emit_math(b, MathFn::Tan, x);
    case Op::Asin: return emit_math(b, MathFn::Asin, x);
    case Op::Acos: return emit_math(b, MathFn::Acos, x);
    case Op::Atan: return emit_math(b, MathFn::Atan, x);
    case Op::Sinh: return emit_math(b, MathFn::Sinh, x);
    case Op::Cosh: return emit_math(b, MathFn::Cosh, x);
    case Op::Tanh: return emit_math(b, MathFn::Tanh, x);
    case Op::Asinh: return emit_math(b, MathFn::Asinh, x);
    case Op::Acosh: return emit_math(b, MathFn::Acosh, x);
    case Op::Atanh: return emit_math(b, MathFn::Atanh, x);
    case Op::Erf: return emit_math(b, MathFn::Erf, x);
    case Op::Sigmoid: return emit_math(b, MathFn::Sigmoid, x);
    case Op::Softplus: return emit_math(b, MathFn::Softplus, x);
    case Op::Floor: return intrinsic(b, llvm::Intrinsic::floor, x);
    case Op::Ceil: return intrinsic(b, llvm::Intrinsic::ceil, x);
    case Op::Round: return intrinsic(b, llvm::Intrinsic::roundeven, x);
    case Op::IsNan:
      return f ? b.CreateFCmpUNO(x, x) : splat_constant(b, DType::Bool, 0);
    case Op::IsInf:
      return f ? b.CreateFCmpOEQ(intrinsic(b, llvm::Intrinsic::fabs, x), splat_constant(b, t, INFINITY))
               : splat_constant(b, DType::Bool, 0);
    case Op::IsFinite:
      return f ? b.CreateFCmpOLT(intrinsic(b, llvm::Intrinsic::fabs, x), splat_constant(b, t, INFINITY))
               : splat_constant(b, DType::Bool, 1);
    case Op::Not: return b.CreateNot(x);
    default: return nullptr;
  }
}

Value* emit_binary(llvm::IRBuilder<>& b, Op op, DType t, Value* x, Value* y) {
  bool f = is_float(t);
  switch (op) {
    case Op::Add: return f ? b.CreateFAdd(x, y) : b.CreateAdd(x, y);
    case Op::Sub: return f ? b.CreateFSub(x, y) : b.CreateSub(x, y);
    case Op::Mul: return f ? b.CreateFMul(x, y) : b.CreateMul(x, y);
    case Op::Div: return b.CreateFDiv(x, y);
    case Op::FloorDiv: return f ? float_divmod(b, t, x, y).floordiv : int_floor_div_mod(b, t, x, y, false);
    case Op::Mod: return f ? float_divmod(b, t, x, y).mod : int_floor_div_mod(b, t, x, y, true);
    case Op::Pow: return emit_math(b, MathFn::Pow, x, y);
    case Op::Max: return f ? float_extreme(b, x, y, true) : b.CreateBinaryIntrinsic(llvm::Intrinsic::smax, x, y);
    case Op::Min: return f ? float_extreme(b, x, y, false) : b.CreateBinaryIntrinsic(llvm::Intrinsic::smin, x, y);
    case Op::Atan2: return emit_math(b, MathFn::Atan2, x, y);
    case Op::Eq: return f ? b.CreateFCmpOEQ(x, y) : b.CreateICmpEQ(x, y);
    case Op::Ne: return f ? b.CreateFCmpUNE(x, y) : b.CreateICmpNE(x, y);
    case Op::Lt: return f ? b.CreateFCmpOLT(x, y) : t == DType::Bool ? b.CreateICmpULT(x, y) : b.CreateICmpSLT(x, y);
    case Op::Le: return f ? b.CreateFCmpOLE(x, y) : t == DType::Bool ? b.CreateICmpULE(x, y) : b.CreateICmpSLE(x, y);
    case Op::Gt: return f ? b.CreateFCmpOGT(x, y) : t == DType::Bool ? b.CreateICmpUGT(x, y) : b.CreateICmpSGT(x, y);
    case Op::Ge: return f ? b.CreateFCmpOGE(x, y) : t == DType::Bool ? b.CreateICmpUGE(x, y) : b.CreateICmpSGE(x, y);
    case Op::And: return b.CreateAnd(x, y);
    case Op::Or: return b.CreateOr(x, y);
    case Op::Xor: return b.CreateXor(x, y);
    default: return nullptr;
  }
}

Value* emit_cast(llvm::IRBuilder<>& b, DType from, DType to, Value* x) {
  if (from == to) return x;
  llvm::Type* target = vector_type(b.getContext(), to);
  if (to == DType::Bool) {
    if (is_float(from)) return b.CreateFCmpUNE(x, splat_constant(b, from, 0));
    return b.CreateICmpNE(x, splat_constant(b, from, 0));
  }
  if (is_float(to)) {
    if (is_float(from)) return b.CreateFPCast(x, target);
    if (from == DType::Bool) return b.CreateUIToFP(x, target);
    return b.CreateSIToFP(x, target);
  }
  // to an integer
  if (is_float(from)) return b.CreateIntrinsic(llvm::Intrinsic::fptosi_sat, {target, x->getType()}, {x});
  if (from == DType::Bool) return b.CreateZExt(x, target);
  return b.CreateSExtOrTrunc(x, target);
}

Value* reduce_identity(llvm::IRBuilder<>& b, Op reduce, DType t) {
  switch (reduce) {
    case Op::ReduceSum: return splat_constant(b, t, 0);
    case Op::ReduceProd: return splat_constant(b, t, 1);
    case Op::ReduceMax: return is_float(t) ? splat_constant(b, t, -INFINITY) : int_limit(b, t, false);
    case Op::ReduceMin: return is_float(t) ? splat_constant(b, t, INFINITY) : int_limit(b, t, true);
    case Op::ReduceAny: return splat_constant(b, DType::Bool, 0);
    case Op::ReduceAll: return splat_constant(b, DType::Bool, 1);
    default: return nullptr;
  }
}

namespace {
Value* fold(llvm::IRBuilder<>& b, Op reduce, DType t, Value* a, Value* x) {
  switch (reduce) {
    case Op::ReduceSum: return emit_binary(b, Op::Add, t, a, x);
    case Op::ReduceProd: return emit_binary(b, Op::Mul, t, a, x);
    case Op::ReduceMax: return emit_binary(b, Op::Max, t, a, x);
    case Op::ReduceMin: return emit_binary(b, Op::Min, t, a, x);
    case Op::ReduceAny: return b.CreateOr(a, x);
    case Op::ReduceAll: return b.CreateAnd(a, x);
    default: return nullptr;
  }
}
}  // namespace

Value* reduce_step(llvm::IRBuilder<>& b, Op reduce, DType t, Value* acc, Value* x) { return fold(b, reduce, t, acc, x); }

Value* reduce_horizontal(llvm::IRBuilder<>& b, Op reduce, DType t, Value* acc) {
  // Halve the vector repeatedly: lanes [0, n/2) fold with [n/2, n). A fixed order,
  // so the result does not depend on the host's vector width.
  unsigned n = kLanes;
  while (n > 1) {
    n /= 2;
    llvm::SmallVector<int, 16> lo, hi;
    for (unsigned i = 0; i < n; ++i) {
      lo.push_back(static_cast<int>(i));
      hi.push_back(static_cast<int>(i + n));
    }
    acc = fold(b, reduce, t, b.CreateShuffleVector(acc, lo), b.CreateShuffleVector(acc, hi));
  }
  return b.CreateExtractElement(acc, uint64_t{0});
}

}  // namespace lamina::jit
