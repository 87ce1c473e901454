#pragma once
// A lambda's plan with its kernels compiled to machine code, and the executor
// that runs it on concrete tensors.

#include <memory>
#include <vector>

#include "ir/function.h"
#include "kernel/kernel.h"
#include "lamina/tensor.h"

namespace lamina::jit {

class CompiledModule;

struct CompiledPlan {
  kernel::Plan plan;
  std::shared_ptr<CompiledModule> code;
  std::vector<void*> kernels;  // KernelFn per plan.kernels
  std::string llvm_ir;         // kept only when asked for (explain)
  std::string assembly;
  double compile_seconds = 0;  // fusion + codegen + optimisation + machine code
};

/// Fuses `f` and compiles its kernels. `f` must have a symbolic batch at most
/// (see kernel::batch_symbolic_blocker). Throws lamina::Error.
std::shared_ptr<CompiledPlan> compile_plan(const ir::Function& f, bool keep_text = false);

/// Checks inputs against `f`'s signature (count, dtype, rank, fixed sizes, one
/// size per run-time dim) and returns the batch size (symbol 0), or 0 without one.
/// Throws lamina::Error(Runtime) naming the input and both shapes.
int64_t check_inputs(const ir::Function& f, const std::vector<Tensor>& inputs);

/// What one run keeps for the next: the temporaries and buffer table of its
/// plan and batch size. A run of the same plan and batch size reuses them, so
/// with preallocated outputs it allocates nothing (unless the plan has
/// reference steps, which make their results afresh). Not for concurrent runs.
/// A GEMM step's sizes for one batch size: m×k times k×n, `count` times, the
/// operands' matrices at the given element offsets when they are batched.
struct GemmShape {
  int64_t m = 0, n = 0, k = 0, count = 1;
  std::vector<int64_t> a_off, b_off;  // empty: the same matrix for every product
};

struct Workspace {
  const CompiledPlan* plan = nullptr;
  int64_t batch = -1;
  std::vector<void*> ptrs;     // per buffer
  std::vector<Tensor> temps;   // per buffer; kept only for temporaries
  std::vector<GemmShape> gemms;  // per step (sized for GEMM steps only)
};

/// Runs a compiled plan. `outputs`, when given, are preallocated tensors of the
/// right dtype and shape that receive the results; `workspace`, when given,
/// keeps temporaries between runs (see Workspace).
std::vector<Tensor> execute(const CompiledPlan& p, const ir::Function& f, const std::vector<Tensor>& inputs,
                            std::vector<Tensor>* outputs = nullptr, Workspace* workspace = nullptr);

}  // namespace lamina::jit
