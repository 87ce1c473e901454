// The table of builtins, and the parsing of their Python-style signatures.

#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

#include "passes/lowerer.h"

namespace lamina::lower {
namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

/// A signature default: None, True, False, a number or a quoted string.
Value parse_default(const std::string& text) {
  if (text == "None") return Value::none({});
  if (text == "True") return Value::boolean(true, {});
  if (text == "False") return Value::boolean(false, {});
  if (text.size() >= 2 && (text[0] == '"' || text[0] == '\'')) return Value::str(text.substr(1, text.size() - 2), {});
  if (text.find_first_of(".eE") != std::string::npos || text == "inf") return Value::real(std::strtod(text.c_str(), nullptr), {});
  return Value::integer(std::strtoll(text.c_str(), nullptr, 10), {});
}

}  // namespace

void BuiltinTable::add(const std::string& signature, BuiltinFn fn) {
  size_t open = signature.find('('), close = signature.rfind(')');
  Builtin b{signature, {}, std::move(fn)};
  std::string name = signature.substr(0, open);
  std::string params = signature.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (start < params.size()) {
    size_t comma = params.find(',', start);
    if (comma == std::string::npos) comma = params.size();
    std::string p = trim(std::string_view(params).substr(start, comma - start));
    start = comma + 1;
    if (p.empty()) continue;
    Parameter param;
    if (p[0] == '*') {
      param.variadic = true;
      p = p.substr(1);
    }
    if (size_t eq = p.find('='); eq != std::string::npos) {
      param.name = trim(p.substr(0, eq));
      param.default_value = parse_default(trim(p.substr(eq + 1)));
    } else {
      param.name = p;
    }
    b.params.push_back(std::move(param));
  }
  table_[name] = std::move(b);
}

void BuiltinTable::alias(const std::string& alias, const std::string& name) {
  Builtin b = table_.at(name);
  b.signature = alias + b.signature.substr(b.signature.find('('));
  table_[alias] = std::move(b);
}

const Builtin* BuiltinTable::find(const std::string& name) const {
  auto it = table_.find(name);
  return it == table_.end() ? nullptr : &it->second;
}

std::vector<std::string> BuiltinTable::names() const {
  std::vector<std::string> out;
  for (const auto& [n, b] : table_) out.push_back(n);
  return out;
}

const BuiltinTable& builtins() {
  static const BuiltinTable table = [] {
    BuiltinTable t;
    register_elementwise(t);
    register_activations(t);
    register_reductions(t);
    register_shape_ops(t);
    register_linalg(t);
    register_gather_ops(t);
    register_random(t);
    register_params(t);
    return t;
  }();
  return table;
}

}  // namespace lamina::lower
