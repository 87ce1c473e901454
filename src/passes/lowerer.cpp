// Lowering of statements, names and calls: the walk over the AST.

#include "passes/lowerer.h"

#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "core/did_you_mean.h"

namespace lamina::lower {

using ast::ExprKind;
using ast::StmtKind;

Lowerer::Lowerer(ir::Function& f, const std::map<std::string, Argument>& arguments)
    : f_(f), b_(f), arguments_(arguments) {}

void Lowerer::fail(ErrorKind kind, SourceSpan span, std::string message, std::string hint) const {
  throw Error(kind, std::move(message), span, std::move(hint));
}

// ---------------------------------------------------------------------------
// Program: parameters, statements, result
// ---------------------------------------------------------------------------

void Lowerer::lower_program(const ast::Program& p, const std::vector<InputSignature>& inputs) {
  f_.source = p.source;
  bind_inputs(p, inputs);

  std::optional<Value> result;
  SourceSpan result_span;
  for (size_t i = 0; i < p.body.size(); ++i) {
    const ast::Stmt& s = p.body[i];
    bool last = i + 1 == p.body.size();
    switch (s.kind) {
      case StmtKind::Assign: {
        current_target_ = s.targets.size() == 1 ? s.targets[0].name : std::string();
        Value v = expr(*s.value);
        current_target_.clear();
        assign(s.targets, v, s.span);
        break;
      }
      case StmtKind::AugAssign: {
        const ast::Target& t = s.targets.at(0);
        auto it = env_.find(t.name);
        if (it == env_.end())
          fail(ErrorKind::Name, t.span, fmt::format("'{}' is updated with '{}=' before it has a value", t.name,
                                                    ast::operator_spelling(s.op)),
               fmt::format("assign it first, e.g. {} = ...", t.name));
        Value rhs = expr(*s.value);
        Value v = binary(s.op, it->second, rhs, s.span);
        assign(s.targets, v, s.span);
        break;
      }
      case StmtKind::Return:
        result = expr(*s.value);
        result_span = s.value->span;
        break;
      case StmtKind::ExprStmt: {
        Value v = expr(*s.value);
        if (last) {
          result = v;
          result_span = s.value->span;
        }
        break;
      }
    }
  }
  if (!result) {
    SourceSpan span = p.body.empty() ? SourceSpan{} : p.body.back().span;
    fail(ErrorKind::Syntax, span, "the lambda body has no result",
         "end the body with an expression or a 'return' statement, e.g. return x");
  }
  set_outputs(*result, result_span);
}

void Lowerer::bind_inputs(const ast::Program& p, const std::vector<InputSignature>& inputs) {
  // The body's parameters: the header's, or one input (named by the caller or `x`).
  std::vector<ast::Target> params = p.params;
  if (!p.has_header) {
    std::string name = inputs.size() == 1 ? inputs[0].name : "x";
    params.push_back({name, {}});
  }
  std::vector<std::string> tensor_params;
  for (const auto& param : params)
    if (!arguments_.count(param.name)) tensor_params.push_back(param.name);

  for (const auto& sig : inputs) {
    bool known = false;
    for (const auto& n : tensor_params) known |= n == sig.name;
    if (!known) {
      std::string hint = fmt::format("the lambda takes ({})", fmt::join(tensor_params, ", "));
      if (auto s = did_you_mean(sig.name, tensor_params)) hint = fmt::format("did you mean '{}'? {}", *s, hint);
      fail(ErrorKind::Runtime, {}, fmt::format("an input named '{}' was given, but the lambda has no such parameter", sig.name),
           hint);
    }
  }
  for (const auto& param : params) {
    if (auto a = arguments_.find(param.name); a != arguments_.end()) {
      env_[param.name] = argument_value(a->second, param.span);
      continue;
    }
    const InputSignature* sig = nullptr;
    for (const auto& s : inputs)
      if (s.name == param.name) sig = &s;
    if (!sig)
      fail(ErrorKind::Runtime, param.span, fmt::format("no input was given for parameter '{}'", param.name),
           fmt::format("the lambda takes ({}); give a shape for each", fmt::join(tensor_params, ", ")));
    ir::Attrs attrs;
    attrs.dtype = sig->dtype;
    for (size_t d = 0; d < sig->shape.size(); ++d) {
      if (sig->shape[d]) {
        if (*sig->shape[d] < 0)
          fail(ErrorKind::Value, param.span, fmt::format("input '{}' has a negative dimension {}", param.name, *sig->shape[d]));
        attrs.shape.push_back(ir::Dim(*sig->shape[d]));
      } else if (d == 0) {
        // Every input's leading None is the same batch dimension: symbol 0.
        if (f_.num_symbols == 0) f_.new_symbol();
        attrs.shape.push_back(ir::Dim::symbol(0));
      } else {
        if (f_.num_symbols == 0) f_.new_symbol();  // keep symbol 0 for the batch
        attrs.shape.push_back(ir::Dim::symbol(f_.new_symbol()));
      }
    }
    attrs.index = static_cast<int64_t>(f_.inputs.size());
    ir::Type type{sig->dtype, attrs.shape};
    ir::ValueId id = b_.add(ir::Op::Input, {}, attrs, param.span);
    f_.inputs.push_back({param.name, type, id});
    env_[param.name] = Value::tensor(id, param.span);
  }
}

void Lowerer::assign(const std::vector<ast::Target>& targets, const Value& v, SourceSpan span) {
  if (targets.size() == 1) {
    env_[targets[0].name] = v;
    return;
  }
  if (!v.is_sequence())
    fail(ErrorKind::Type, span, fmt::format("cannot unpack {} into {} names", describe(v, f_), targets.size()),
         "only a tuple or list (e.g. split(x, 2) or top_k(x, k)) can be unpacked");
  if (v.items.size() != targets.size())
    fail(ErrorKind::Value, span,
         fmt::format("cannot unpack {} values into {} names", v.items.size(), targets.size()));
  for (size_t i = 0; i < targets.size(); ++i) env_[targets[i].name] = v.items[i];
}

void Lowerer::set_outputs(const Value& result, SourceSpan span) {
  auto add_output = [&](const Value& v) {
    if (v.is_none() || v.kind == Value::Kind::Str || v.is_sequence() || v.kind == Value::Kind::Slice ||
        v.kind == Value::Kind::Ellipsis)
      fail(ErrorKind::Type, v.span.valid() ? v.span : span,
           fmt::format("a lambda result must be a tensor, but this is {}", describe(v, f_)));
    f_.outputs.push_back(to_tensor(v));
  };
  if (result.is_sequence()) {
    if (result.items.empty()) fail(ErrorKind::Type, span, "the lambda returns an empty tuple");
    for (const Value& v : result.items) add_output(v);
  } else {
    add_output(result);
  }
}

Value Lowerer::argument_value(const Argument& a, SourceSpan span) {
  return std::visit(
      [&](const auto& x) -> Value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) return Value::boolean(x, span);
        else if constexpr (std::is_same_v<T, int64_t>) return Value::integer(x, span);
        else if constexpr (std::is_same_v<T, double>) return Value::real(x, span);
        else if constexpr (std::is_same_v<T, std::string>) return Value::str(x, span);
        else if constexpr (std::is_same_v<T, Argument::List>) {
          std::vector<Value> items;
          for (const auto& item : x) items.push_back(argument_value(item, span));
          return Value::sequence(Value::Kind::List, std::move(items), span);
        } else {
          return Value::tensor(b_.constant(x, span), span);
        }
      },
      a.value);
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

Value Lowerer::expr(const ast::Expr& e) {
  switch (e.kind) {
    case ExprKind::Int: return Value::integer(e.int_value, e.span);
    case ExprKind::Float: return Value::real(e.float_value, e.span);
    case ExprKind::Bool: return Value::boolean(e.int_value != 0, e.span);
    case ExprKind::None: return Value::none(e.span);
    case ExprKind::Str: return Value::str(e.text, e.span);
    case ExprKind::Name: return name(e);
    case ExprKind::Attribute: return attribute(e);
    case ExprKind::Unary: return unary(e);
    case ExprKind::Binary: {
      Value a = expr(*e.args.at(0));
      if ((e.op == ast::Operator::And || e.op == ast::Operator::Or) && a.is_scalar()) {
        // Python short-circuit on compile-time values.
        bool truth = a.kind == Value::Kind::Float ? a.f != 0 : a.i != 0;
        if (e.op == ast::Operator::And ? !truth : truth) return a;
        return expr(*e.args.at(1));
      }
      Value b = expr(*e.args.at(1));
      return binary(e.op, a, b, e.span);
    }
    case ExprKind::Conditional: return conditional(e);
    case ExprKind::Call: return call(e);
    case ExprKind::List:
    case ExprKind::Tuple: {
      std::vector<Value> items;
      for (const auto& a : e.args) items.push_back(expr(*a));
      return Value::sequence(e.kind == ExprKind::List ? Value::Kind::List : Value::Kind::Tuple, std::move(items),
                             e.span);
    }
    case ExprKind::Subscript: return subscript(e);
    case ExprKind::Slice: {
      std::vector<Value> items;
      for (const auto& a : e.args) items.push_back(a ? expr(*a) : Value::none(e.span));
      while (items.size() < 3) items.push_back(Value::none(e.span));
      return Value::sequence(Value::Kind::Slice, std::move(items), e.span);
    }
    case ExprKind::Ellipsis: {
      Value v;
      v.kind = Value::Kind::Ellipsis;
      v.span = e.span;
      return v;
    }
  }
  fail(ErrorKind::Internal, e.span, "unknown expression kind");
}

namespace {
const char* const kDtypeNames[] = {"float32", "float64", "int32", "int64", "bool", "float", "double", "int"};
}

Value Lowerer::name(const ast::Expr& e) {
  if (auto it = env_.find(e.text); it != env_.end()) {
    Value v = it->second;
    v.span = e.span;
    return v;
  }
  if (e.text == "pi") return Value::real(std::numbers::pi, e.span);
  if (e.text == "e") return Value::real(std::numbers::e, e.span);
  if (e.text == "inf" || e.text == "Inf" || e.text == "infty") return Value::real(INFINITY, e.span);
  if (e.text == "nan" || e.text == "NaN" || e.text == "NAN") return Value::real(NAN, e.span);
  if (e.text == "newaxis") return Value::none(e.span);
  for (const char* d : kDtypeNames)
    if (e.text == d) return Value::str(e.text, e.span);

  if (builtins().find(e.text))
    fail(ErrorKind::Name, e.span, fmt::format("'{}' is a function, not a value", e.text),
         fmt::format("call it, e.g. {}(x)", e.text));
  std::vector<std::string> candidates = {"pi", "e", "inf", "nan"};
  for (const auto& [n, v] : env_) candidates.push_back(n);
  std::string hint;
  if (auto s = did_you_mean(e.text, candidates)) hint = fmt::format("did you mean '{}'?", *s);
  else if (auto s = did_you_mean(e.text, builtins().names())) hint = fmt::format("did you mean '{}'?", *s);
  else {
    std::vector<std::string> names;
    for (const auto& [n, v] : env_) names.push_back(n);
    hint = names.empty() ? std::string("the body can use its inputs, its arguments and the names it assigns")
                         : fmt::format("names defined here: {}", fmt::join(names, ", "));
  }
  fail(ErrorKind::Name, e.span, fmt::format("unknown name '{}'", e.text), hint);
}

Value Lowerer::call(const ast::Expr& e) {
  const std::string& callee = e.text;
  if (env_.count(callee))
    fail(ErrorKind::Name, e.span, fmt::format("'{}' is {}, not a function", callee, describe(env_.at(callee), f_)));
  const Builtin* builtin = builtins().find(callee);
  if (!builtin) {
    std::string hint = "see docs/language.md for the list of builtins";
    if (auto s = did_you_mean(callee, builtins().names())) hint = fmt::format("did you mean '{}'?", *s);
    SourceSpan span = e.span;
    span.length = std::min<int>(span.length, static_cast<int>(callee.size()));
    fail(ErrorKind::Name, span, fmt::format("unknown function '{}'", callee), hint);
  }
  std::vector<Value> positional;
  for (const auto& a : e.args) positional.push_back(expr(*a));
  std::vector<KeywordValue> keywords;
  for (const auto& k : e.keywords) keywords.push_back({k.name, k.span, expr(*k.value)});
  return call_builtin(callee, *builtin, e.span, std::move(positional), std::move(keywords));
}

}  // namespace lamina::lower
