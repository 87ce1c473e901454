// Subscripts (NumPy basic indexing on tensors, Python indexing on tuples) and
// attributes (x.shape, x.T, x.ndim, x.dtype).

#include <limits>

#include <fmt/format.h>

#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Op;
using ir::ValueId;

namespace {
constexpr int64_t kNoStart = std::numeric_limits<int64_t>::min();
constexpr int64_t kNoStop = std::numeric_limits<int64_t>::max();

/// The value of one slice bound: None → `absent`, else a Python int.
int64_t slice_bound(const Lowerer& l, const Value& v, int64_t absent, const ir::Function& f) {
  if (v.is_none()) return absent;
  if (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool) return v.i;
  l.fail(ErrorKind::Type, v.span, fmt::format("slice bounds must be integers, but this is {}", describe(v, f)),
         "tensor-valued slice bounds are not supported; bounds must be known before run time");
}
}  // namespace

Value Lowerer::subscript(const ast::Expr& e) {
  Value x = expr(*e.args.at(0));
  std::vector<Value> items;
  for (size_t i = 1; i < e.args.size(); ++i) items.push_back(expr(*e.args[i]));

  if (x.is_sequence()) {
    // Python indexing of a compile-time tuple/list, e.g. shape(x)[1] or split(x, 2)[0].
    if (items.size() != 1)
      fail(ErrorKind::Type, e.span, fmt::format("{} takes one index, not {}", describe(x, f_), items.size()));
    const Value& idx = items[0];
    int64_t n = static_cast<int64_t>(x.items.size());
    if (idx.kind == Value::Kind::Int) {
      int64_t i = idx.i < 0 ? idx.i + n : idx.i;
      if (i < 0 || i >= n)
        fail(ErrorKind::Axis, idx.span, fmt::format("index {} is out of range for {}", idx.i, describe(x, f_)),
             fmt::format("valid indices are {}..{}", -n, n - 1));
      return x.items[static_cast<size_t>(i)];
    }
    if (idx.kind == Value::Kind::Slice) {
      int64_t step = slice_bound(*this, idx.items[2], 1, f_);
      if (step == 0) fail(ErrorKind::Value, idx.span, "slice step cannot be zero");
      int64_t start = slice_bound(*this, idx.items[0], step > 0 ? 0 : n - 1, f_);
      int64_t stop = slice_bound(*this, idx.items[1], step > 0 ? n : kNoStart, f_);
      auto clamp = [&](int64_t v, bool is_stop) {
        if (v == kNoStart) return int64_t{-1};
        if (v < 0) v += n;
        if (step > 0) return std::clamp<int64_t>(v, 0, n);
        return std::clamp<int64_t>(v, -1, n - 1 + (is_stop ? 0 : 0));
      };
      start = clamp(start, false);
      stop = clamp(stop, true);
      std::vector<Value> out;
      for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) out.push_back(x.items[static_cast<size_t>(i)]);
      return Value::sequence(x.kind, std::move(out), e.span);
    }
    fail(ErrorKind::Type, idx.span, fmt::format("{} must be indexed by an integer or a slice", describe(x, f_)));
  }
  if (x.is_scalar() || x.kind == Value::Kind::Dim)
    fail(ErrorKind::Type, e.span, fmt::format("{} cannot be indexed", describe(x, f_)));
  ValueId t = to_tensor(x);
  return index_tensor(Value::tensor(t, x.span), items, e.span);
}

Value Lowerer::index_tensor(const Value& xv, const std::vector<Value>& items, SourceSpan span) {
  ValueId x = xv.id;
  const ir::Shape in = type(x).shape;
  int r = static_cast<int>(in.size());

  int consuming = 0, ellipses = 0, tensors = 0;
  for (const Value& it : items) {
    if (it.kind == Value::Kind::Ellipsis) ++ellipses;
    else if (!it.is_none()) ++consuming;
    if (it.is_tensor()) ++tensors;
  }
  if (ellipses > 1) fail(ErrorKind::Syntax, span, "an index can only have a single ellipsis ('...')");
  if (consuming > r)
    fail(ErrorKind::Axis, span,
         fmt::format("too many indices for a tensor of rank {}: {} were given", r, consuming),
         fmt::format("the tensor has shape {}", ir::format_shape(in)));

  // Expand the ellipsis (or pad at the end) with full slices.
  std::vector<Value> full;
  for (const Value& it : items) {
    if (it.kind == Value::Kind::Ellipsis) {
      for (int i = 0; i < r - consuming; ++i) full.push_back(Value::sequence(Value::Kind::Slice, {Value::none({}), Value::none({}), Value::none({})}, it.span));
    } else {
      full.push_back(it);
    }
  }
  if (ellipses == 0)
    for (int i = consuming; i < r; ++i) full.push_back(Value::sequence(Value::Kind::Slice, {Value::none({}), Value::none({}), Value::none({})}, span));

  if (tensors > 0) {
    // One integer index tensor, everything else full slices: take along that axis.
    int axis = 0, seen = 0;
    bool simple = tensors == 1;
    for (const Value& it : full) {
      if (it.is_tensor()) axis = seen;
      else if (it.kind != Value::Kind::Slice || !it.items[0].is_none() || !it.items[1].is_none() || !it.items[2].is_none())
        simple = false;
      if (!it.is_none()) ++seen;
    }
    if (!simple)
      fail(ErrorKind::Type, span, "indexing with a tensor is supported only as x[idx] or x[:, idx] (other axes full)",
           "use take(x, indices, axis) or take_along_axis for more complex gathers");
    for (const Value& it : full)
      if (it.is_tensor()) {
        if (dtype(it.id) == DType::Bool)
          fail(ErrorKind::Type, it.span, "boolean mask indexing gives a shape known only at run time, which Lamina does not allow",
               "use where(mask, x, 0) to keep the shape");
        if (!is_integer(dtype(it.id)))
          fail(ErrorKind::Type, it.span, fmt::format("index tensors must be integers, not {}", dtype_name(dtype(it.id))),
               "cast them first, e.g. cast(i, \"int32\")");
        return call("take", {xv, it, Value::integer(axis, span)}, span);
      }
  }

  ir::Attrs attrs;
  ir::Shape out;  // the final shape, with dropped and new axes
  bool trivial = true;
  int axis = 0;
  // Integer indices into axes whose size is known only at run time: taken by a
  // gather, which checks the bound when the size is known.
  struct RuntimeIndex { int axis; int64_t index; SourceSpan span; };
  std::vector<RuntimeIndex> runtime_indices;
  for (const Value& it : full) {
    if (it.is_none()) {
      out.push_back(ir::Dim(1));
      continue;
    }
    ir::Dim d = in[static_cast<size_t>(axis)];
    if (it.kind == Value::Kind::Slice) {
      int64_t step = slice_bound(*this, it.items[2], 1, f_);
      if (step == 0) fail(ErrorKind::Value, it.items[2].span.valid() ? it.items[2].span : it.span, "slice step cannot be zero");
      int64_t start = slice_bound(*this, it.items[0], kNoStart, f_);
      int64_t stop = slice_bound(*this, it.items[1], kNoStop, f_);
      attrs.starts.push_back(start);
      attrs.stops.push_back(stop);
      attrs.steps.push_back(step);
      trivial &= start == kNoStart && stop == kNoStop && step == 1;
      out.push_back(ir::Dim(-1));  // placeholder: filled from the Slice's type below
    } else if (it.kind == Value::Kind::Int) {  // not True/False: NumPy reads those as masks
      int64_t i = it.i;
      if (!d.known()) {
        runtime_indices.push_back({axis, i, it.span});
        attrs.starts.push_back(kNoStart);
        attrs.stops.push_back(kNoStop);
        attrs.steps.push_back(1);
        ++axis;
        continue;
      }
      if (i < -d.value() || i >= d.value())
        fail(ErrorKind::Axis, it.span,
             fmt::format("index {} is out of bounds for axis {} with size {}", i, axis, d.value()),
             d.value() == 0 ? std::string("the axis is empty") : fmt::format("valid indices are {}..{}", -d.value(), d.value() - 1));
      if (i < 0) i += d.value();
      attrs.starts.push_back(i);
      attrs.stops.push_back(i + 1);
      attrs.steps.push_back(1);
      trivial = false;
    } else {
      fail(ErrorKind::Type, it.span, fmt::format("a tensor cannot be indexed by {}", describe(it, f_)),
           "indices are integers, slices (a:b:c), None, '...' or an integer tensor");
    }
    ++axis;
  }
  ValueId sliced = trivial ? x : b_.add(Op::Slice, {x}, attrs, span);
  // Fill the slice placeholders from the sliced type, then reshape away integer-indexed axes.
  const ir::Shape s = type(sliced).shape;
  size_t k = 0, o = 0;
  for (const Value& it : full) {
    if (it.is_none()) { ++o; continue; }
    if (it.kind == Value::Kind::Slice) out[o++] = s[k];
    ++k;
  }
  // Last axis first, so the earlier axes keep their numbers.
  for (auto r = runtime_indices.rbegin(); r != runtime_indices.rend(); ++r) {
    ir::Attrs gather;
    gather.axis = r->axis;
    sliced = b_.add(Op::Gather, {sliced, to_tensor(Value::integer(r->index, r->span))}, gather, r->span);
  }
  return Value::tensor(reshape(sliced, out, span), span);
}

Value Lowerer::attribute(const ast::Expr& e) {
  Value x = expr(*e.args.at(0));
  if (!x.is_tensor())
    fail(ErrorKind::Type, e.span, fmt::format("{} has no attribute '{}'", describe(x, f_), e.text));
  const ir::Type& t = type(x.id);
  if (e.text == "shape") {
    std::vector<Value> dims;
    for (ir::Dim d : t.shape) dims.push_back(Value::dimension(d, e.span));
    return Value::sequence(Value::Kind::Tuple, std::move(dims), e.span);
  }
  if (e.text == "ndim") return Value::integer(t.rank(), e.span);
  if (e.text == "dtype") return Value::str(std::string(dtype_name(t.dtype)), e.span);
  if (e.text == "T") {
    std::vector<int64_t> perm;
    for (int i = t.rank() - 1; i >= 0; --i) perm.push_back(i);
    return Value::tensor(transpose(x.id, perm, e.span), e.span);
  }
  fail(ErrorKind::Name, e.span, fmt::format("tensors have no attribute '{}'", e.text),
       "available attributes: shape, ndim, dtype, T");
}

}  // namespace lamina::lower
