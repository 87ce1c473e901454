#pragma once
// The meaning of each IR op on vectors of 16 lanes, as LLVM IR. The semantics
// match the reference interpreter (src/interp/): NumPy casting, Python floor
// division and modulo, NaN-propagating max/min, integer division by zero → 0.

#include <llvm/IR/IRBuilder.h>

#include "ir/op.h"
#include "lamina/dtype.h"

namespace lamina::jit {

constexpr unsigned kLanes = 16;

/// The in-register type of one lane of `t` (bool is i1) and its 16-lane vector.
llvm::Type* lane_type(llvm::LLVMContext& c, DType t);
llvm::Type* vector_type(llvm::LLVMContext& c, DType t);
/// The in-memory element type (bool is i8).
llvm::Type* memory_type(llvm::LLVMContext& c, DType t);

/// A 16-lane splat of a constant converted to `t`.
llvm::Value* splat_constant(llvm::IRBuilder<>& b, DType t, double value);

llvm::Value* emit_unary(llvm::IRBuilder<>& b, ir::Op op, DType t, llvm::Value* x);
/// `t` is the operands' dtype; comparisons return i1 vectors.
llvm::Value* emit_binary(llvm::IRBuilder<>& b, ir::Op op, DType t, llvm::Value* x, llvm::Value* y);
llvm::Value* emit_cast(llvm::IRBuilder<>& b, DType from, DType to, llvm::Value* x);

/// Reductions: the identity, one lane-wise fold step, and the fixed-order
/// horizontal fold of a 16-lane accumulator to a scalar.
llvm::Value* reduce_identity(llvm::IRBuilder<>& b, ir::Op reduce, DType t);
llvm::Value* reduce_step(llvm::IRBuilder<>& b, ir::Op reduce, DType t, llvm::Value* acc, llvm::Value* x);
llvm::Value* reduce_horizontal(llvm::IRBuilder<>& b, ir::Op reduce, DType t, llvm::Value* acc);

}  // namespace lamina::jit
