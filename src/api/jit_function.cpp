// Compiling an IR function once per batch-symbolic signature (or per concrete
// shape), with a process-wide cache for lambdas compiled from the same text.

#include "api/jit_function.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "core/log.h"
#include "core/run_time_error.h"
#include "jit/compiled_plan.h"
#include "kernel/fuse.h"

namespace lamina::detail {

namespace {

/// Compiles `f`'s kernels and tells the log (src/core/log.h) what that cost.
std::shared_ptr<jit::CompiledPlan> compile_and_log(const ir::Function& f, bool keep_text = false) {
  auto plan = jit::compile_plan(f, keep_text);
  if (log_enabled(LogLevel::Info)) {
    std::string inputs;
    for (const auto& in : f.inputs) inputs += fmt::format("{}{}: {}", inputs.empty() ? "" : ", ", in.name, ir::format_type(in.type));
    constexpr size_t kShown = 60;  // enough to recognise a lambda in a log line
    std::string text = f.source.substr(0, kShown) + (f.source.size() > kShown ? "..." : "");
    std::replace(text.begin(), text.end(), '\n', ' ');
    log(LogLevel::Info, fmt::format("JIT-compiled '{}' ({}) in {:.1f} ms", text, inputs, plan->compile_seconds * 1e3));
  }
  return plan;
}

/// The process-wide compile cache (bounded, oldest dropped first).
std::shared_ptr<jit::CompiledPlan> cached_compile(const std::string& key, const ir::Function& f, bool keep_text) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<jit::CompiledPlan>> cache;
  static std::vector<std::string> order;
  constexpr size_t kMaxEntries = 256;
  if (key.empty() || keep_text) return compile_and_log(f, keep_text);
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto plan = compile_and_log(f);
  std::lock_guard<std::mutex> lock(mutex);
  if (cache.emplace(key, plan).second) {
    order.push_back(key);
    if (order.size() > kMaxEntries) {
      cache.erase(order.front());
      order.erase(order.begin());
    }
  }
  return plan;
}

}  // namespace

struct JitFunction::Specialised {
  ir::Function function;
  std::shared_ptr<jit::CompiledPlan> plan;
};

JitFunction::JitFunction(ir::Function function, Specialise specialise, std::string cache_key)
    : function_(std::move(function)), specialise_(std::move(specialise)), cache_key_(std::move(cache_key)) {
  batch_symbolic_ = !kernel::batch_symbolic_blocker(function_);
}

std::pair<const ir::Function*, std::shared_ptr<jit::CompiledPlan>> JitFunction::plan_for(
    const std::vector<Tensor>& inputs, bool keep_text) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (batch_symbolic_) {
    if (!plan_ || (keep_text && plan_->llvm_ir.empty())) plan_ = cached_compile(cache_key_, function_, keep_text);
    return {&function_, plan_};
  }
  // Shapes beyond the batch are only known at run time: compile for these exact
  // shapes, once they are known to fit the signature.
  jit::check_inputs(function_, inputs);
  std::vector<Dims> key;
  for (const Tensor& t : inputs) key.push_back(t.dims());
  auto& slot = specialised_[key];
  if (!slot || (keep_text && slot->plan->llvm_ir.empty())) {
    auto s = std::make_shared<Specialised>();
    try {
      s->function = specialise_(key);
    } catch (const Error& e) {
      throw at_run_time(e);  // the function compiled for its signature; these inputs do not fit it
    }
    s->plan = compile_and_log(s->function, keep_text);
    slot = s;
  }
  return {&slot->function, slot->plan};
}

JitFunction::~JitFunction() = default;

std::vector<Tensor> JitFunction::run(const std::vector<Tensor>& inputs, std::vector<Tensor>* outputs) const {
  auto [f, plan] = plan_for(inputs);
  std::unique_ptr<jit::Workspace> ws;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!workspaces_.empty()) {
      ws = std::move(workspaces_.back());
      workspaces_.pop_back();
    }
  }
  if (!ws) ws = std::make_unique<jit::Workspace>();
  struct GiveBack {
    const JitFunction& self;
    std::unique_ptr<jit::Workspace>& ws;
    ~GiveBack() {
      std::lock_guard<std::mutex> lock(self.mutex_);
      self.workspaces_.push_back(std::move(ws));
    }
  } give_back{*this, ws};
  return jit::execute(*plan, *f, inputs, outputs, ws.get());
}

double JitFunction::prepare() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (plan_ || !batch_symbolic_) return 0;
  auto start = std::chrono::steady_clock::now();
  plan_ = cached_compile(cache_key_, function_, false);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace lamina::detail
