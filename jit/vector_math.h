#pragma once
// Vector math emitted as LLVM IR: every transcendental of the language as straight-line
// arithmetic on float/double scalars or fixed vectors, so fused loops keep it in registers.
//
// Accuracy (max ulp error measured against float64 libm, see docs/vector-math.md) is at most
// 4 ulp in float32 over the whole domain, with IEEE behaviour at NaN, ±inf, ±0, subnormals and
// the overflow/underflow thresholds. float32 results depend only on IEEE arithmetic (no libm,
// no tables), so they are the same on every x86-64 machine.
//
// float64 inputs are computed by per-lane calls to the C library (`exp`, `log`, ...), declared
// in the builder's module; their accuracy and bit-exactness are those of the host's libm.
//
// Example:
//   llvm::Value* y = lamina::jit::emit_math(b, lamina::jit::MathFn::Tanh, x);  // x: <16 x float>
#include <llvm/IR/IRBuilder.h>

namespace lamina::jit {

enum class MathFn { Exp, Expm1, Log, Log1p, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh,
                    Asinh, Acosh, Atanh, Erf, Sigmoid, Softplus, Pow, Atan2,
                    // Additions after the original list (the language also has these):
                    Log2, Log10,
                    Gelu,  // exact gelu: x/2 (1 + erf(x/sqrt 2)), keras approximate=False
};

/// Emits fn(x) (or fn(x, y) for Pow and Atan2) at the builder's insertion point. x/y are float or
/// double scalars or fixed vectors of them (same type); returns a value of the same type.
/// float32: pure arithmetic/bit operations only (no calls into libm, no memory); the builder's
/// fast-math flags are ignored inside (the algorithms rely on exact IEEE rounding).
/// float64: per-lane libm calls (see the header comment).
/// Throws lamina::Error (Internal) on a wrong operand type or a missing/extra second operand.
llvm::Value* emit_math(llvm::IRBuilder<>& b, MathFn fn, llvm::Value* x, llvm::Value* y = nullptr);

/// The language name of a function ("exp", "log1p", ...), for messages and tests.
const char* math_fn_name(MathFn fn);

}  // namespace lamina::jit
