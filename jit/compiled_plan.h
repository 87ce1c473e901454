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

/// Runs a compiled plan. `outputs`, when given, are preallocated tensors of the
/// right dtype and shape that receive the results (no allocation per call).
std::vector<Tensor> execute(const CompiledPlan& p, const ir::Function& f, const std::vector<Tensor>& inputs,
                            std::vector<Tensor>* outputs = nullptr);

}  // namespace lamina::jit
