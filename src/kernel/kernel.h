#pragma once
// Loop nests: what the fusion pass produces and the JIT turns into machine code.
//
// A Plan runs a lambda as a list of steps over buffers. A Kernel step is one
// parallel loop over "rows"; for each row it runs its stages in order. A
// Reduce stage folds an expression over the stage's inner dims into one value
// per row; a Store stage writes an expression over its inner dims to an output
// buffer. Expressions are small DAGs of KNodes evaluated at one point of the
// stage's iteration space (row dims, then inner dims). The JIT vectorises the
// innermost dim with a fixed width of 16 lanes, so results do not depend on the
// host's vector width or on the thread count.

#include <cstdint>
#include <string>
#include <vector>

#include "ir/function.h"

namespace lamina::kernel {

/// The run-time extent of the batch dimension where a dim is written as kBatch.
constexpr int64_t kBatch = -1;

/// A value of the lambda that lives in memory during a call.
struct Buffer {
  enum class Kind { Input, Param, Constant, Output, Temp };
  Kind kind;
  int index = 0;              // Input/Param/Output: position; Constant: into Plan::constants
  DType dtype;
  std::vector<int64_t> dims;  // dims[0] may be kBatch
  ir::ValueId value = -1;     // the IR value it holds
  /// Shares the memory of this buffer instead of having its own (a GEMM result
  /// computed in place in its epilogue's output), or -1.
  int alias_of = -1;
};

/// An expression node, evaluated at one iteration point (a vector of 16 points in the JIT).
struct KNode {
  enum class Kind {
    Load,       // buffers[buffer] at offset + Σ index[d] * strides[d]
    Const,      // constant (converted to dtype)
    Index,      // offset + Σ index[d] * strides[d], as an int64 (for Iota)
    Batch,      // the run-time batch size, as int64
    RowValue,   // the result of reduce stage `stage` for the current row
    Scratch,    // element of row scratch `buffer` at the current inner index (spilled by an earlier stage)
    Unary,      // op(args[0])
    Binary,     // op(args[0], args[1]); both have this node's operand dtype `operand`
    Select,     // args[0] ? args[1] : args[2]
    Cast,       // args[0] converted to dtype
  };
  KNode(Kind k, DType t, DType operand_dtype = DType::Float32, ir::Op o = ir::Op::Add)
      : kind(k), dtype(t), operand(operand_dtype), op(o) {}

  Kind kind;
  DType dtype;                   // the result dtype
  DType operand;                 // Unary/Binary: the operands' dtype (comparisons give bool)
  ir::Op op;
  std::vector<int> args;
  int buffer = -1;
  int64_t offset = 0;
  std::vector<int64_t> strides;  // per iteration dim of the stage (row dims, then inner dims)
  double constant = 0;
  int stage = -1;
};

struct Stage {
  enum class Kind { Reduce, Store };
  Kind kind;
  std::vector<int64_t> inner;     // extents of the inner dims (the last one is vectorised)
  std::vector<int64_t> inner_lo;  // first index of each inner dim (a Store may cover part of the output)
  std::vector<KNode> nodes;       // topological; `value` is the result
  int value = -1;
  ir::Op reduce = ir::Op::ReduceSum;  // Reduce: the fold
  DType dtype = DType::Float32;       // Reduce: the accumulator dtype
  int out_buffer = -1;                // Store: destination
  int64_t out_offset = 0;
  std::vector<int64_t> out_strides;   // Store: per iteration dim
  /// Values this stage also writes to a row scratch, so later stages over the
  /// same inner dims read them instead of computing them again (softmax's exp).
  struct Spill {
    int node;
    int scratch;
  };
  std::vector<Spill> spills;
};

/// A per-row temporary holding one value per point of a stage's inner dims.
struct Scratch {
  DType dtype;
  int64_t elements;
};

struct Kernel {
  std::vector<int64_t> rows;   // row dims; rows[0] may be kBatch
  /// 0, or the tile size of the innermost dim of a kernel that is one Store:
  /// each row then covers one tile [t*tile, min((t+1)*tile, tiled_extent)) of
  /// that dim, and the row count is prod(rows) * ceil(tiled_extent / tile).
  int64_t tile = 0;
  int64_t tiled_extent = 0;    // the full extent of the tiled dim (kBatch for the batch)
  std::vector<Stage> stages;
  std::vector<Scratch> scratch;
  std::string name;
};

/// A float32/float64 MatMul computed by the GEMM (NumPy matmul: the batch dims
/// broadcast). Its operands are read in place: `inputs` of the step may be the
/// untransposed or un-reshaped values the MatMul's operands were made from.
struct Gemm {
  std::vector<int64_t> a_dims, b_dims;  // op(A): (batch..., m, k); op(B): (batch..., k, n); dims[0] may be kBatch
  bool trans_a = false, trans_b = false;  // the buffer holds the operand with its last two axes swapped
  /// A kernel run on each panel of rows of the result as soon as the GEMM has
  /// computed it (the fused epilogue), or -1. Its rows are the result's rows
  /// (all dims but the last); it reads the result only in the row it computes.
  int epilogue = -1;
};

/// One step of a plan: a fused kernel, a GEMM, or one IR node evaluated by the
/// reference kernels (gathers, sorts, integer matmul, ... until the JIT covers them).
struct Step {
  enum class Kind { Kernel, Gemm, Node };
  Kind kind;
  int kernel = -1;                // Kernel
  ir::ValueId node = -1;          // Gemm/Node: the IR node
  std::vector<int> inputs;        // Gemm/Node: input buffers in the node's input order
  int output = -1;                // result buffer (an epilogue writes its kernel's own)
  Gemm gemm;                      // Gemm
};

struct Plan {
  std::vector<Buffer> buffers;
  std::vector<Tensor> constants;
  std::vector<Kernel> kernels;
  std::vector<Step> steps;
  std::vector<int> outputs;  // buffer per lambda output
};

/// Row-major element strides of `dims`, the batch dim counted as kBatch (it is
/// always the leading dim, so it never enters a stride).
std::vector<int64_t> row_major_strides(const std::vector<int64_t>& dims);

/// Number of rows of a kernel for a batch size (tiles included).
int64_t row_count(const Kernel& k, int64_t batch);

/// `lamina explain --emit loops`: the plan as readable loop nests.
std::string format_plan(const Plan& plan, const ir::Function& f);

}  // namespace lamina::kernel
