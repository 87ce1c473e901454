// The public Lambda API: the pipeline as a list of stages.
//   source → tokens → AST → tensor IR (shapes inferred) → interpreter
//                                                       → fused loop nests → LLVM → machine code

#include "lamina/lambda.h"

#include <cstring>
#include <typeinfo>

#include <fmt/format.h>

#include "api/jit_function.h"
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
  std::vector<std::string> input_names;
  std::unique_ptr<detail::JitFunction> jit;  // the lowered function and its compiled plans

  const ir::Function& function() const { return jit->function(); }
};

namespace {

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

Lambda Lambda::compile(const std::string& source, const std::vector<InputSignature>& inputs,
                       const std::map<std::string, Argument>& arguments) {
  return with_source(source, [&] {
    ast::Program program = parse(source);
    auto impl = std::make_shared<Impl>();
    // Re-lowered for concrete shapes when the shapes are not batch-symbolic.
    auto specialise = [source, inputs, arguments](const std::vector<Dims>& dims) {
      std::vector<InputSignature> concrete = inputs;
      for (size_t i = 0; i < concrete.size() && i < dims.size(); ++i)
        concrete[i].shape.assign(dims[i].begin(), dims[i].end());
      return lower_to_ir(parse(source), concrete, arguments);
    };
    impl->jit = std::make_unique<detail::JitFunction>(lower_to_ir(program, inputs, arguments), specialise,
                                                      compile_key(source, inputs, arguments));
    for (const auto& in : impl->function().inputs) impl->input_names.push_back(in.name);
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
        const ir::Function& f = l.impl_->function();
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
  return with_source(impl_->function().source, [&] {
    if (engine == Engine::Interpreter) return interpret(impl_->function(), inputs);
    return impl_->jit->run(inputs);
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
  with_source(impl_->function().source, [&] {
    auto [f, plan] = impl_->jit->plan_for(inputs);
    if (outputs.size() != plan->plan.outputs.size())
      throw Error(ErrorKind::Runtime, fmt::format("the lambda has {} results but {} outputs were given",
                                                  plan->plan.outputs.size(), outputs.size()));
    jit::execute(*plan, *f, inputs, &outputs);
    return 0;
  });
}

double Lambda::prepare_jit() const { return impl_->jit->prepare(); }

const std::vector<std::string>& Lambda::input_names() const { return impl_->input_names; }

size_t Lambda::output_count() const { return impl_->function().outputs.size(); }

namespace {

std::vector<std::optional<int64_t>> static_shape(const ir::Shape& shape) {
  std::vector<std::optional<int64_t>> out;
  for (const ir::Dim& d : shape) out.push_back(d.known() ? std::optional<int64_t>(d.value()) : std::nullopt);
  return out;
}

}  // namespace

std::vector<InputSignature> Lambda::input_signatures() const {
  std::vector<InputSignature> out;
  for (const auto& in : impl_->function().inputs) out.push_back({in.name, in.type.dtype, static_shape(in.type.shape)});
  return out;
}

std::vector<OutputSignature> Lambda::output_signatures() const {
  std::vector<OutputSignature> out;
  for (ir::ValueId id : impl_->function().outputs) {
    const ir::Type& t = impl_->function().type(id);
    out.push_back({t.dtype, static_shape(t.shape)});
  }
  return out;
}

std::vector<std::string> Lambda::output_types() const {
  std::vector<std::string> out;
  for (ir::ValueId id : impl_->function().outputs) {
    const ir::Type& t = impl_->function().type(id);
    out.push_back(fmt::format("{}{}", dtype_name(t.dtype), ir::format_shape(t.shape)));
  }
  return out;
}

std::string Lambda::ir_text() const { return ir::format_function(impl_->function()); }

}  // namespace lamina
