#pragma once
// What an expression evaluates to while the body is lowered: a tensor in the
// IR, or a compile-time Python value (scalar, string, tuple/list, dimension).

#include <cstdint>
#include <string>
#include <vector>

#include "ir/function.h"

namespace lamina::lower {

struct Value {
  enum class Kind {
    Tensor,    // id: an IR value
    Int,       // Python int (weakly typed: never upcasts a tensor)
    Float,     // Python float (weak)
    Bool,      // Python bool (weak)
    None,
    Str,       // text
    Tuple,     // items
    List,      // items
    Dim,       // a dimension only known at run time (from shape(x)); dim
    Ellipsis,
    Slice,     // items = {lower, upper, step}, each None when absent
  };
  Kind kind = Kind::None;
  ir::ValueId id = -1;
  int64_t i = 0;
  double f = 0;
  std::string s;
  std::vector<Value> items;
  ir::Dim dim;
  SourceSpan span;

  static Value tensor(ir::ValueId id, SourceSpan span) { Value v; v.kind = Kind::Tensor; v.id = id; v.span = span; return v; }
  static Value integer(int64_t i, SourceSpan span) { Value v; v.kind = Kind::Int; v.i = i; v.span = span; return v; }
  static Value real(double f, SourceSpan span) { Value v; v.kind = Kind::Float; v.f = f; v.span = span; return v; }
  static Value boolean(bool b, SourceSpan span) { Value v; v.kind = Kind::Bool; v.i = b; v.span = span; return v; }
  static Value none(SourceSpan span) { Value v; v.kind = Kind::None; v.span = span; return v; }
  static Value str(std::string s, SourceSpan span) { Value v; v.kind = Kind::Str; v.s = std::move(s); v.span = span; return v; }
  static Value sequence(Kind k, std::vector<Value> items, SourceSpan span) { Value v; v.kind = k; v.items = std::move(items); v.span = span; return v; }
  static Value dimension(ir::Dim d, SourceSpan span) {
    if (d.known()) return integer(d.value(), span);
    Value v; v.kind = Kind::Dim; v.dim = d; v.span = span; return v;
  }

  bool is_tensor() const { return kind == Kind::Tensor; }
  bool is_scalar() const { return kind == Kind::Int || kind == Kind::Float || kind == Kind::Bool; }
  bool is_none() const { return kind == Kind::None; }
  bool is_sequence() const { return kind == Kind::Tuple || kind == Kind::List; }
};

/// "a float32 tensor", "an int", "a tuple" — for error messages.
std::string describe(const Value& v, const ir::Function& f);

}  // namespace lamina::lower
