// Building blocks the builtins share: axes, reductions, reshapes, concatenation.

#include <limits>

#include <fmt/format.h>

#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Op;
using ir::ValueId;

std::string describe(const Value& v, const ir::Function& f) {
  switch (v.kind) {
    case Value::Kind::Tensor: {
      const ir::Type& t = f.type(v.id);
      return fmt::format("a {} tensor of shape {}", dtype_name(t.dtype), ir::format_shape(t.shape));
    }
    case Value::Kind::Int: return fmt::format("the integer {}", v.i);
    case Value::Kind::Float: return fmt::format("the number {}", v.f);
    case Value::Kind::Bool: return v.i ? "True" : "False";
    case Value::Kind::None: return "None";
    case Value::Kind::Str: return fmt::format("the string '{}'", v.s);
    case Value::Kind::Tuple: return fmt::format("a tuple of {} items", v.items.size());
    case Value::Kind::List: return fmt::format("a list of {} items", v.items.size());
    case Value::Kind::Dim: return "a dimension known only at run time";
    case Value::Kind::Ellipsis: return "'...'";
    case Value::Kind::Slice: return "a slice";
  }
  return "a value";
}

int64_t Lowerer::normalize_axis(int64_t axis, int rank, SourceSpan span, const std::string& what) {
  if (axis < -rank || axis >= rank) {
    std::string range = rank == 0 ? std::string("a scalar has no axes")
                                  : fmt::format("valid axes are {}..{}", -rank, rank - 1);
    fail(ErrorKind::Axis, span, fmt::format("{} {} is out of range for a tensor of rank {}", what, axis, rank), range);
  }
  return axis < 0 ? axis + rank : axis;
}

ValueId Lowerer::reduce(Op op, ValueId x, const std::vector<int64_t>& axes, bool keepdims, SourceSpan span) {
  ir::Attrs attrs;
  attrs.axes = axes;
  attrs.keepdims = keepdims;
  return b_.add(op, {x}, attrs, span);
}

ValueId Lowerer::count(ValueId x, const std::vector<int64_t>& axes, DType dtype, SourceSpan span) {
  int64_t known = 1;
  std::vector<ValueId> unknown;
  for (int64_t a : axes) {
    ir::Dim d = type(x).shape[static_cast<size_t>(a)];
    if (d.known()) known *= d.value();
    else unknown.push_back(b_.cast(to_tensor(Value::dimension(d, span)), dtype, span));
  }
  ValueId n = scalar(static_cast<double>(known), dtype, span);
  for (ValueId u : unknown) n = b_.binary(Op::Mul, n, u, span);
  return n;
}

ValueId Lowerer::reshape(ValueId x, ir::Shape shape, SourceSpan span, int64_t infer_axis) {
  if (infer_axis < 0 && shape == type(x).shape) return x;
  ir::Attrs attrs;
  attrs.shape = std::move(shape);
  attrs.infer_axis = infer_axis;
  return b_.add(Op::Reshape, {x}, attrs, span);
}

ValueId Lowerer::transpose(ValueId x, std::vector<int64_t> perm, SourceSpan span) {
  bool identity = true;
  for (size_t i = 0; i < perm.size(); ++i) identity &= perm[i] == static_cast<int64_t>(i);
  if (identity) return x;
  ir::Attrs attrs;
  attrs.axes = std::move(perm);
  return b_.add(Op::Transpose, {x}, attrs, span);
}

ValueId Lowerer::expand_dims(ValueId x, int64_t axis, SourceSpan span) {
  ir::Shape s = type(x).shape;
  s.insert(s.begin() + axis, ir::Dim(1));
  return reshape(x, s, span);
}

ValueId Lowerer::broadcast_to(ValueId x, ir::Shape shape, SourceSpan span) {
  if (type(x).shape == shape) return x;
  ir::Attrs attrs;
  attrs.shape = std::move(shape);
  return b_.add(Op::Broadcast, {x}, attrs, span);
}

ValueId Lowerer::concat(std::vector<ValueId> xs, int64_t axis, SourceSpan span) {
  DType d = dtype(xs.at(0));
  for (ValueId x : xs) d = promote(d, dtype(x));
  for (ValueId& x : xs) x = b_.cast(x, d, span);
  if (xs.size() == 1) return xs[0];
  ir::Attrs attrs;
  attrs.axis = axis;
  return b_.add(Op::Concat, xs, attrs, span);
}

ValueId Lowerer::slice_axis(ValueId x, int64_t axis, int64_t start, int64_t stop, int64_t step, SourceSpan span) {
  ir::Attrs attrs;
  int r = rank(x);
  attrs.starts.assign(static_cast<size_t>(r), std::numeric_limits<int64_t>::min());
  attrs.stops.assign(static_cast<size_t>(r), std::numeric_limits<int64_t>::max());
  attrs.steps.assign(static_cast<size_t>(r), 1);
  attrs.starts[static_cast<size_t>(axis)] = start;
  attrs.stops[static_cast<size_t>(axis)] = stop;
  attrs.steps[static_cast<size_t>(axis)] = step;
  return b_.add(Op::Slice, {x}, attrs, span);
}

ValueId Lowerer::flatten_all(ValueId x, SourceSpan span) {
  const ir::Shape& s = type(x).shape;
  if (s.size() == 1) return x;
  ir::Shape target = {ir::Dim(1)};
  int64_t n = 1;
  bool known = true;
  for (ir::Dim d : s) {
    known &= d.known();
    if (d.known()) n *= d.value();
  }
  if (known) return reshape(x, {ir::Dim(n)}, span);
  return reshape(x, target, span, 0);
}

}  // namespace lamina::lower
