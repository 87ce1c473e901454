#pragma once
// The tensor IR's operations, listed once, in groups that fusion and gradients
// reason about (the tinygrad / Halide X-macro idea).

#include <string_view>

namespace lamina::ir {

/// X(name, group). Groups:
///  Leaf     — no tensor inputs (inputs, params, constants, generators)
///  Unary    — elementwise f(x); float ops keep the dtype, predicates give bool
///  Binary   — elementwise f(a, b) with NumPy broadcasting; both operands have
///             the same dtype (the lowering inserts casts)
///  Select   — where(cond, a, b) with broadcasting
///  Cast     — dtype conversion (NumPy rules: float→int truncates toward zero)
///  Movement — data movement: each output element is one input element (or a pad value)
///  Reduce   — reductions over a set of axes
///  Scan     — prefix reductions along one axis
///  Contract — matrix products
///  Gather   — indexing by a tensor of indices
///  Sort     — order statistics
///  Scatter  — ScatterAdd(updates, idx) with shape, axis: zeros of `shape`, to
///             which each updates[p] is added at p's coordinates with the one along
///             `axis` replaced by idx[p] (idx broadcasts to updates; a size-1 dim
///             of `shape` sums over that dim). The adjoint of GatherAlong, for the
///             gradients of gathers, slices and top_k.
#define LAMINA_IR_OPS(X)                                                   \
  /* Leaf */                                                               \
  X(Input, Leaf)        /* index: position in Function::inputs */          \
  X(Param, Leaf)        /* index: position in Function::params */          \
  X(Constant, Leaf)     /* value: a tensor literal */                      \
  X(Iota, Leaf)         /* shape, axis: element = its index along axis */  \
  X(RandomNormal, Leaf) /* shape, seed, a = mean, b = stddev */            \
  X(RandomUniform, Leaf)/* shape, seed, a = minval, b = maxval */          \
  X(DimSize, Leaf)      /* shape[0]: the dim, as an int32 scalar */         \
  /* Unary elementwise */                                                  \
  X(Neg, Unary) X(Abs, Unary) X(Sign, Unary) X(Sqrt, Unary) X(Rsqrt, Unary) \
  X(Exp, Unary) X(Expm1, Unary) X(Log, Unary) X(Log1p, Unary)              \
  X(Sin, Unary) X(Cos, Unary) X(Tan, Unary) X(Asin, Unary) X(Acos, Unary)  \
  X(Atan, Unary) X(Sinh, Unary) X(Cosh, Unary) X(Tanh, Unary)              \
  X(Asinh, Unary) X(Acosh, Unary) X(Atanh, Unary) X(Erf, Unary)            \
  X(Sigmoid, Unary) X(Softplus, Unary)                                     \
  X(Floor, Unary) X(Ceil, Unary) X(Round, Unary) /* half to even */        \
  X(IsNan, Unary) X(IsInf, Unary) X(IsFinite, Unary) /* -> bool */         \
  X(Not, Unary) /* logical not on bool, bitwise not on ints */             \
  /* Binary elementwise */                                                 \
  X(Add, Binary) X(Sub, Binary) X(Mul, Binary) X(Div, Binary)              \
  X(FloorDiv, Binary) X(Mod, Binary) /* Python semantics: sign of divisor */ \
  X(Pow, Binary) X(Max, Binary) X(Min, Binary) X(Atan2, Binary)            \
  X(Eq, Binary) X(Ne, Binary) X(Lt, Binary) X(Le, Binary) X(Gt, Binary)    \
  X(Ge, Binary) /* comparisons -> bool */                                   \
  X(And, Binary) X(Or, Binary) X(Xor, Binary) /* logical on bool, bitwise on ints */ \
  /* Other elementwise */                                                  \
  X(Select, Select)                                                        \
  X(Cast, Cast)                                                            \
  /* Data movement */                                                      \
  X(Reshape, Movement)   /* shape (one dim may be inferred: infer_axis) */ \
  X(Transpose, Movement) /* axes: the permutation */                       \
  X(Broadcast, Movement) /* shape: NumPy broadcast of the input to shape */ \
  X(Slice, Movement)     /* starts/stops/steps per axis, normalised */     \
  X(Concat, Movement)    /* axis; any number of inputs */                  \
  X(Pad, Movement)       /* starts = pad before, stops = pad after, a = value */ \
  /* Reductions */                                                         \
  X(ReduceSum, Reduce) X(ReduceProd, Reduce) X(ReduceMax, Reduce)          \
  X(ReduceMin, Reduce) X(ReduceAny, Reduce) X(ReduceAll, Reduce)           \
  X(ArgMax, Reduce) X(ArgMin, Reduce) /* axis; int32; first index wins */  \
  /* Scans */                                                              \
  X(CumSum, Scan) X(CumProd, Scan)                                         \
  /* Contractions */                                                       \
  X(MatMul, Contract) /* NumPy matmul on rank >= 2, batch dims broadcast */ \
  /* Gathers */                                                            \
  X(Gather, Gather)      /* take(x, idx, axis): out = x.shape[:axis] + idx.shape + x.shape[axis+1:] */ \
  X(GatherAlong, Gather) /* take_along_axis(x, idx, axis) */               \
  /* Sort */                                                               \
  X(TopKValues, Sort) X(TopKIndices, Sort) /* index = k, along the last axis */ \
  /* Scatters */                                                           \
  X(ScatterAdd, Scatter) /* (updates, idx), shape, axis: the adjoint of GatherAlong */

enum class Op {
#define LAMINA_X(name, group) name,
  LAMINA_IR_OPS(LAMINA_X)
#undef LAMINA_X
};

enum class OpGroup { Leaf, Unary, Binary, Select, Cast, Movement, Reduce, Scan, Contract, Gather, Sort, Scatter };

std::string_view op_name(Op op);
OpGroup op_group(Op op);
bool is_elementwise(Op op);  // Unary, Binary, Select, Cast

}  // namespace lamina::ir
