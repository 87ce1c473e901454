#pragma once
// An IR function with its JIT-compiled plans: what a compiled Lambda and a
// Model both run. One plan serves every batch size when the function's shapes
// allow it (kernel::batch_symbolic_blocker); otherwise the owner supplies the
// function again for each set of concrete input shapes, compiled once each.
//
// Params are read from the function's ParamInfo::init tensors at every run,
// so writing into those tensors (a model's weights) changes the results
// without recompiling.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "ir/function.h"
#include "lamina/tensor.h"

namespace lamina::jit {
struct CompiledPlan;
struct Workspace;
}

namespace lamina::detail {

class JitFunction {
 public:
  /// The function for concrete input dims (called only after the inputs were
  /// checked against `function`'s signature).
  using Specialise = std::function<ir::Function(const std::vector<Dims>&)>;

  /// `cache_key` non-empty: plans are shared through a process-wide cache
  /// under that key (the same source, signature and arguments compile once).
  JitFunction(ir::Function function, Specialise specialise, std::string cache_key = {});
  ~JitFunction();

  const ir::Function& function() const { return function_; }
  bool batch_symbolic() const { return batch_symbolic_; }

  /// The plan for these inputs and the function it runs; `keep_text` keeps
  /// its LLVM IR and assembly. Throws lamina::Error when the inputs do not fit.
  std::pair<const ir::Function*, std::shared_ptr<jit::CompiledPlan>> plan_for(const std::vector<Tensor>& inputs,
                                                                              bool keep_text = false) const;
  /// Runs on `inputs`; into `outputs` when given (preallocated, right shapes).
  /// Temporaries are kept between runs (one set per concurrent caller), so a
  /// run into preallocated outputs at the same batch size allocates nothing.
  std::vector<Tensor> run(const std::vector<Tensor>& inputs, std::vector<Tensor>* outputs = nullptr) const;
  /// Compiles the batch-symbolic plan now; seconds taken (0 if already done or
  /// if plans are made per shape).
  double prepare() const;

 private:
  struct Specialised;
  ir::Function function_;
  Specialise specialise_;
  std::string cache_key_;
  bool batch_symbolic_ = false;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<jit::CompiledPlan> plan_;  // when batch-symbolic
  mutable std::map<std::vector<Dims>, std::shared_ptr<Specialised>> specialised_;
  mutable std::vector<std::unique_ptr<jit::Workspace>> workspaces_;  // free for the next run
};

}  // namespace lamina::detail
