// Appending typed nodes to a Function.

#include "ir/builder.h"

#include <fmt/format.h>

namespace lamina::ir {

Builder::Builder(Function& f) : f_(f) {
  // Sizes known only at run time become new symbols of this function.
  Function* fn = &f;
  ctx_.fresh = [fn] { return Dim::symbol(fn->new_symbol()); };
}

ValueId Builder::add(Op op, std::vector<ValueId> inputs, Attrs attrs, SourceSpan span) {
  Node n{op, std::move(inputs), std::move(attrs), {}, span};
  std::vector<Type> types;
  types.reserve(n.inputs.size());
  for (ValueId v : n.inputs) {
    if (v < 0 || static_cast<size_t>(v) >= f_.nodes.size())
      throw Error(ErrorKind::Internal, fmt::format("{} uses value %{} before it is defined", op_name(op), v), span);
    types.push_back(f_.type(v));
  }
  n.type = infer_type(n, types, ctx_);
  f_.nodes.push_back(std::move(n));
  return static_cast<ValueId>(f_.nodes.size() - 1);
}

ValueId Builder::constant(Tensor value, SourceSpan span) {
  Attrs a;
  a.value = std::move(value);
  return add(Op::Constant, {}, std::move(a), span);
}

ValueId Builder::unary(Op op, ValueId x, SourceSpan span) { return add(op, {x}, {}, span); }

ValueId Builder::binary(Op op, ValueId a, ValueId b, SourceSpan span) { return add(op, {a, b}, {}, span); }

ValueId Builder::cast(ValueId x, DType to, SourceSpan span) {
  if (type(x).dtype == to) return x;
  Attrs a;
  a.dtype = to;
  return add(Op::Cast, {x}, std::move(a), span);
}

}  // namespace lamina::ir
