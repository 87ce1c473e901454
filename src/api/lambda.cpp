// The public Lambda API: the pipeline as a list of stages.
//   source → tokens → AST → tensor IR (shapes inferred) → interpreter
//                                                       → fused loop nests → LLVM → machine code

#include "lamina/lambda.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <typeinfo>
#include <mutex>

#include <fmt/format.h>

#include "core/log.h"
#include "core/run_time_error.h"
#include "dsl/lexer.h"
#include "dsl/parser.h"
#include "interp/interpret.h"
#include "ir/dim.h"
#include "ir/printer.h"
#include "jit/compiled_plan.h"
#include "kernel/fuse.h"
#include "passes/lower.h"

namespace lamina {

// Hidden: the implementation is not part of the exported API, though Lambda is.
struct __attribute__((visibility("hidden"))) Lambda::Impl {
  ir::Function function;
  std::vector<std::string> input_names;
  // What compile() was given: the JIT re-lowers for concrete shapes when the
  // function's shapes are not batch-symbolic (see kernel::batch_symbolic_blocker).
  std::string source;
  std::vector<InputSignature> inputs;
  std::map<std::string, Argument> arguments;
  bool batch_symbolic = false;  // one JIT compile serves every batch size
  std::string cache_key;        // empty: not shared through the process-wide cache

  struct Specialised {
    ir::Function function;
    std::shared_ptr<jit::CompiledPlan> plan;
  };
  mutable std::mutex jit_mutex;
  mutable std::shared_ptr<jit::CompiledPlan> jit_plan;  // when batch-symbolic
  mutable std::map<std::vector<Dims>, std::shared_ptr<Specialised>> specialised;

  /// The compiled plan and the function it runs for these inputs.
  std::pair<const ir::Function*, std::shared_ptr<jit::CompiledPlan>> jit_for(const std::vector<Tensor>& in,
                                                                              bool keep_text = false) const;
};

namespace {

/// Compiles `f`'s kernels and tells the log (src/core/log.h) what that cost.
std::shared_ptr<jit::CompiledPlan> compile_and_log(const ir::Function& f, bool keep_text) {
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

/// The process-wide compile cache: the same source, signature and arguments
/// compile once (bounded, oldest dropped first).
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
  auto plan = compile_and_log(f, false);
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

/// Python-literal text of an argument, or nullopt for a tensor (not cached by value).
std::optional<std::string> argument_text(const Argument& a) {
  return std::visit(
      [](const auto& v) -> std::optional<std::string> {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Tensor>) return std::nullopt;
        else if constexpr (std::is_same_v<T, Argument::List>) {
          std::string s = "[";
          for (const auto& item : v) {
            auto t = argument_text(item);
            if (!t) return std::nullopt;
            s += *t + ",";
          }
          return s + "]";
        } else if constexpr (std::is_same_v<T, std::string>) return "'" + v + "'";
        else return fmt::format("{}:{}", typeid(T).name(), v);
      },
      a.value);
}

std::string compile_key(const std::string& source, const std::vector<InputSignature>& inputs,
                        const std::map<std::string, Argument>& arguments) {
  std::string key = source;
  key += '\0';
  for (const auto& in : inputs) {
    key += fmt::format("{}:{}:", in.name, dtype_name(in.dtype));
    for (const auto& d : in.shape) key += d ? std::to_string(*d) + "," : std::string("None,");
    key += ';';
  }
  for (const auto& [name, value] : arguments) {
    auto t = argument_text(value);
    if (!t) return {};
    key += name + "=" + *t + ";";
  }
  return key;
}

/// Runs `stage` and re-throws its errors quoting the source line and caret.
template <class F>
auto with_source(const std::string& source, F&& stage) -> decltype(stage()) {
  try {
    return stage();
  } catch (const Error& e) {
    if (e.span().valid()) throw e.with_source(source);
    throw;
  }
}

std::vector<std::string> names_of(const ast::Program& p, const std::vector<InputSignature>& inputs) {
  std::vector<std::string> names;
  if (!p.has_header) names.push_back(inputs.size() == 1 ? inputs[0].name : "x");
  for (const auto& t : p.params) names.push_back(t.name);
  return names;
}

}  // namespace

std::pair<const ir::Function*, std::shared_ptr<jit::CompiledPlan>> Lambda::Impl::jit_for(const std::vector<Tensor>& in,
                                                                                       bool keep_text) const {
  std::lock_guard<std::mutex> lock(jit_mutex);
  if (batch_symbolic) {
    if (!jit_plan || (keep_text && jit_plan->llvm_ir.empty())) jit_plan = cached_compile(cache_key, function, keep_text);
    return {&function, jit_plan};
  }
  // Shapes beyond the batch are only known at run time: compile for these exact shapes,
  // once they are known to fit the compiled signature.
  jit::check_inputs(function, in);
  std::vector<Dims> key;
  for (const Tensor& t : in) key.push_back(t.dims());
  auto& slot = specialised[key];
  if (!slot || (keep_text && slot->plan->llvm_ir.empty())) {
    std::vector<InputSignature> concrete = inputs;
    for (size_t i = 0; i < concrete.size() && i < in.size(); ++i) {
      concrete[i].shape.clear();
      for (int64_t d : in[i].dims()) concrete[i].shape.push_back(d);
    }
    auto s = std::make_shared<Specialised>();
    try {
      s->function = lower_to_ir(parse(source), concrete, arguments);
    } catch (const Error& e) {
      throw at_run_time(e);  // the source compiled for its signature; these inputs do not fit it
    }
    s->plan = compile_and_log(s->function, keep_text);
    slot = s;
  }
  return {&slot->function, slot->plan};
}

Lambda Lambda::compile(const std::string& source, const std::vector<InputSignature>& inputs,
                       const std::map<std::string, Argument>& arguments) {
  return with_source(source, [&] {
    ast::Program program = parse(source);
    auto impl = std::make_shared<Impl>();
    impl->function = lower_to_ir(program, inputs, arguments);
    for (const auto& in : impl->function.inputs) impl->input_names.push_back(in.name);
    impl->source = source;
    impl->inputs = inputs;
    impl->arguments = arguments;
    impl->batch_symbolic = !kernel::batch_symbolic_blocker(impl->function);
    impl->cache_key = compile_key(source, inputs, arguments);
    Lambda l;
    l.impl_ = std::move(impl);
    return l;
  });
}

std::vector<std::string> Lambda::parameter_names(const std::string& source) {
  return with_source(source, [&] { return names_of(parse(source), {}); });
}

std::string Lambda::explain(const std::string& source, Stage stage, const std::vector<InputSignature>& inputs,
                            const std::map<std::string, Argument>& arguments) {
  return with_source(source, [&]() -> std::string {
    switch (stage) {
      case Stage::Tokens: return format_tokens(lex(source));
      case Stage::Ast: return ast::format_ast(parse(source));
      case Stage::Ir: return compile(source, inputs, arguments).ir_text();
      case Stage::Loops:
      case Stage::Llvm:
      case Stage::Asm: {
        Lambda l = compile(source, inputs, arguments);
        const ir::Function& f = l.impl_->function;
        if (auto why = kernel::batch_symbolic_blocker(f))
          throw Error(ErrorKind::Shape, fmt::format("the loop nests need concrete shapes here: {}", *why), {},
                      "give every dimension except the batch in --input-shape");
        auto plan = jit::compile_plan(f, stage != Stage::Loops);
        if (stage == Stage::Loops) return kernel::format_plan(plan->plan, f);
        return stage == Stage::Llvm ? plan->llvm_ir : plan->assembly;
      }
    }
    return {};
  });
}

std::vector<Tensor> Lambda::run(const std::vector<Tensor>& inputs, Engine engine) const {
  return with_source(impl_->function.source, [&] {
    if (engine == Engine::Interpreter) return interpret(impl_->function, inputs);
    auto [f, plan] = impl_->jit_for(inputs);
    return jit::execute(*plan, *f, inputs);
  });
}

void Lambda::run_into(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs, Engine engine) const {
  if (engine == Engine::Interpreter) {
    std::vector<Tensor> r = run(inputs, engine);
    if (r.size() != outputs.size())
      throw Error(ErrorKind::Runtime, fmt::format("the lambda has {} results but {} outputs were given", r.size(), outputs.size()));
    for (size_t i = 0; i < r.size(); ++i) {
      if (r[i].dtype() != outputs[i].dtype() || r[i].dims() != outputs[i].dims())
        throw Error(ErrorKind::Runtime, fmt::format("output {} must be a {} tensor of shape {}", i,
                                                    dtype_name(r[i].dtype()), format_dims(r[i].dims())));
      std::memcpy(outputs[i].raw(), r[i].raw(), r[i].nbytes());
    }
    return;
  }
  with_source(impl_->function.source, [&] {
    auto [f, plan] = impl_->jit_for(inputs);
    if (outputs.size() != plan->plan.outputs.size())
      throw Error(ErrorKind::Runtime, fmt::format("the lambda has {} results but {} outputs were given",
                                                  plan->plan.outputs.size(), outputs.size()));
    jit::execute(*plan, *f, inputs, &outputs);
    return 0;
  });
}

double Lambda::prepare_jit() const {
  std::lock_guard<std::mutex> lock(impl_->jit_mutex);
  if (impl_->jit_plan || !impl_->batch_symbolic) return 0;
  auto start = std::chrono::steady_clock::now();
  impl_->jit_plan = cached_compile(impl_->cache_key, impl_->function, false);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

const std::vector<std::string>& Lambda::input_names() const { return impl_->input_names; }

size_t Lambda::output_count() const { return impl_->function.outputs.size(); }

namespace {

std::vector<std::optional<int64_t>> static_shape(const ir::Shape& shape) {
  std::vector<std::optional<int64_t>> out;
  for (const ir::Dim& d : shape) out.push_back(d.known() ? std::optional<int64_t>(d.value()) : std::nullopt);
  return out;
}

}  // namespace

std::vector<InputSignature> Lambda::input_signatures() const {
  std::vector<InputSignature> out;
  for (const auto& in : impl_->function.inputs) out.push_back({in.name, in.type.dtype, static_shape(in.type.shape)});
  return out;
}

std::vector<OutputSignature> Lambda::output_signatures() const {
  std::vector<OutputSignature> out;
  for (ir::ValueId id : impl_->function.outputs) {
    const ir::Type& t = impl_->function.type(id);
    out.push_back({t.dtype, static_shape(t.shape)});
  }
  return out;
}

std::vector<std::string> Lambda::output_types() const {
  std::vector<std::string> out;
  for (ir::ValueId id : impl_->function.outputs) {
    const ir::Type& t = impl_->function.type(id);
    out.push_back(fmt::format("{}{}", dtype_name(t.dtype), ir::format_shape(t.shape)));
  }
  return out;
}

std::string Lambda::ir_text() const { return ir::format_function(impl_->function); }

}  // namespace lamina
