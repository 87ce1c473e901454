// Inlining one function into another through the Builder, so every copied
// node is type-checked again in its new home.

#include "ir/inline.h"

#include <map>

#include <fmt/format.h>

namespace lamina::ir {

namespace {

/// The renaming of the callee's symbols to caller dims, grown as types are unified.
class SymbolMap {
 public:
  explicit SymbolMap(Function& caller) : caller_(caller) {}

  /// Records what the callee's dims stand for in the caller; returns false if a
  /// known callee size disagrees with the caller's dim.
  bool unify(const Shape& callee, const Shape& caller) {
    if (callee.size() != caller.size()) return false;
    for (size_t d = 0; d < callee.size(); ++d) {
      if (callee[d].known()) {
        if (!(callee[d] == caller[d])) return false;
        continue;
      }
      map_.emplace(callee[d].symbol_id(), caller[d]);  // the first sighting decides
    }
    return true;
  }

  /// The caller dim for a callee dim; an unseen symbol becomes a new caller symbol.
  Dim operator()(Dim d) {
    if (d.known()) return d;
    auto [it, added] = map_.try_emplace(d.symbol_id(), Dim());
    if (added) it->second = Dim::symbol(caller_.new_symbol());
    return it->second;
  }

 private:
  Function& caller_;
  std::map<int, Dim> map_;
};

}  // namespace

std::vector<ValueId> inline_function(Builder& b, const Function& callee, const std::vector<ValueId>& inputs,
                                     const std::vector<ValueId>& params, int line_offset) {
  if (inputs.size() != callee.inputs.size())
    throw Error(ErrorKind::Internal, fmt::format("inlining a function of {} input(s) with {} value(s)",
                                                 callee.inputs.size(), inputs.size()));
  if (params.size() != callee.params.size())
    throw Error(ErrorKind::Internal, fmt::format("inlining a function of {} param(s) with {} value(s)",
                                                 callee.params.size(), params.size()));
  SymbolMap symbols(b.function());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Type& want = callee.inputs[i].type;
    const Type& got = b.type(inputs[i]);
    if (want.dtype != got.dtype)
      throw Error(ErrorKind::Type, fmt::format("input '{}' must be {}, got {}", callee.inputs[i].name,
                                               dtype_name(want.dtype), dtype_name(got.dtype)));
    if (!symbols.unify(want.shape, got.shape))
      throw Error(ErrorKind::Shape, fmt::format("input '{}' must have shape {}, got {}", callee.inputs[i].name,
                                                format_shape(want.shape), format_shape(got.shape)));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const Type& got = b.type(params[i]);
    if (!(callee.params[i].type == got))
      throw Error(ErrorKind::Internal, fmt::format("param '{}' is {} but its value is {}", callee.params[i].name,
                                                   format_type(callee.params[i].type), format_type(got)));
  }

  std::vector<ValueId> value(callee.nodes.size(), -1);
  for (size_t i = 0; i < callee.nodes.size(); ++i) {
    const Node& n = callee.nodes[i];
    auto index = static_cast<size_t>(n.attrs.index);
    if (n.op == Op::Input) {
      value[i] = inputs.at(index);
      continue;
    }
    if (n.op == Op::Param) {
      value[i] = params.at(index);
      continue;
    }
    std::vector<ValueId> args;
    for (ValueId in : n.inputs) args.push_back(value.at(static_cast<size_t>(in)));
    Attrs attrs = n.attrs;
    for (Dim& d : attrs.shape) d = symbols(d);
    SourceSpan span;
    if (line_offset >= 0 && n.span.valid()) {
      span = n.span;
      span.line += line_offset;
    }
    value[i] = b.add(n.op, std::move(args), std::move(attrs), span);
    symbols.unify(n.type.shape, b.type(value[i]).shape);
  }
  std::vector<ValueId> outputs;
  for (ValueId out : callee.outputs) outputs.push_back(value.at(static_cast<size_t>(out)));
  return outputs;
}

}  // namespace lamina::ir
