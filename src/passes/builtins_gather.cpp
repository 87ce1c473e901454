// Gathering by indices and building tensors from nothing: take, gather,
// take_along_axis, one_hot, pad, arange, tril/triu, top_k, eye, zeros, ones, full
// (keras.ops / NumPy semantics; the Decisions section of the language spec).

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Dim;
using ir::Op;
using ir::Shape;
using ir::ValueId;

namespace {

Value tensor(ValueId id, const CallArgs& a) { return Value::tensor(id, a.span()); }

/// A nested list of Python ints as an integer constant (int32, or int64 when a
/// value needs it), so constant indices can be checked before run time.
std::optional<Tensor> int_literal(const Value& v) {
  Dims dims;
  std::vector<int64_t> flat;
  std::function<bool(const Value&, size_t)> walk = [&](const Value& x, size_t depth) {
    if (x.kind == Value::Kind::Int) {
      if (depth != dims.size()) return false;
      flat.push_back(x.i);
      return true;
    }
    if (!x.is_sequence()) return false;
    int64_t n = static_cast<int64_t>(x.items.size());
    if (depth == dims.size()) {
      if (!flat.empty()) return false;  // ragged: a list where a number was seen
      dims.push_back(n);
    } else if (depth > dims.size() || dims[depth] != n) {
      return false;
    }
    for (const Value& item : x.items)
      if (!walk(item, depth + 1)) return false;
    return true;
  };
  if (!v.is_sequence() || !walk(v, 0)) return std::nullopt;
  bool wide = false;
  for (int64_t i : flat) wide |= i < std::numeric_limits<int32_t>::min() || i > std::numeric_limits<int32_t>::max();
  Tensor t = Tensor::zeros(wide ? DType::Int64 : DType::Int32, dims);
  for (size_t i = 0; i < flat.size(); ++i) t.set_i64(static_cast<int64_t>(i), flat[i]);
  return t;
}

/// Argument `name` as an integer index tensor (ints, lists of ints, int tensors).
ValueId index_arg(Lowerer& L, const CallArgs& a, const std::string& name) {
  const Value& v = a[name];
  if (auto t = int_literal(v)) return L.b().constant(*t, a.span_of(name));
  ValueId idx = a.tensor(name);
  if (!is_integer(L.dtype(idx)))
    L.fail(ErrorKind::Type, a.span_of(name),
           fmt::format("{}() needs integer indices, but '{}' is {}", a.callee(), name, describe(v, L.function())),
           "cast them first, e.g. cast(i, \"int32\")");
  return idx;
}

/// Constant indices must fit an axis of known `size` (negative ones count from the end).
void check_constant_indices(Lowerer& L, ValueId idx, Dim size, int64_t axis, SourceSpan s) {
  const ir::Node& n = L.function().node(idx);
  if (n.op != Op::Constant || !size.known()) return;
  for (int64_t i = 0; i < n.attrs.value.size(); ++i) {
    int64_t v = n.attrs.value.get_i64(i);
    if (v < -size.value() || v >= size.value())
      L.fail(ErrorKind::Value, s, fmt::format("index {} is out of range for axis {} of size {}", v, axis, size.value()),
             size.value() == 0 ? std::string("the axis is empty")
                               : fmt::format("valid indices are {}..{}", -size.value(), size.value() - 1));
  }
}

ValueId gather(Lowerer& L, Op op, ValueId x, ValueId idx, int64_t axis, SourceSpan s) {
  ir::Attrs attrs;
  attrs.axis = axis;
  return L.b().add(op, {x, idx}, attrs, s);
}

/// take(x, indices, axis) with `default_axis` when axis is None (None flattens x).
BuiltinFn take(const char* x_name) {
  return [x_name](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor(x_name);
    ValueId idx = index_arg(L, a, "indices");
    int64_t axis = 0;
    if (a.given("axis")) axis = a.axis("axis", L.rank(x));
    else x = L.flatten_all(x, a.span());
    check_constant_indices(L, idx, L.type(x).shape[static_cast<size_t>(axis)], axis, a.span_of("indices"));
    return tensor(gather(L, Op::Gather, x, idx, axis, a.span()), a);
  };
}

/// An Iota of `rank` dims, all 1 except `size` at `axis`: a ramp along that axis.
ValueId ramp(Lowerer& L, int rank, int64_t axis, Dim size, DType dtype, SourceSpan s) {
  ir::Attrs attrs;
  attrs.shape.assign(static_cast<size_t>(rank), Dim(1));
  attrs.shape[static_cast<size_t>(axis)] = size;
  attrs.axis = axis;
  attrs.dtype = dtype;
  return L.b().add(Op::Iota, {}, attrs, s);
}

/// cols - rows for an (n, m) grid: the diagonal offset of each element.
ValueId diagonal_offset(Lowerer& L, Dim n, Dim m, SourceSpan s) {
  ValueId rows = ramp(L, 2, 0, n, DType::Int64, s), cols = ramp(L, 2, 1, m, DType::Int64, s);
  return L.b().binary(Op::Sub, cols, rows, s);
}

ValueId int64_scalar(Lowerer& L, int64_t v, SourceSpan s) { return L.b().constant(Tensor::scalar(DType::Int64, v), s); }

/// An argument that is a size: a non-negative int, or a run-time dim from shape(x).
Dim size_arg(Lowerer& L, const CallArgs& a, const std::string& name) {
  const Value& v = a[name];
  if (v.kind == Value::Kind::Dim) return v.dim;
  int64_t n = a.integer(name);
  if (n < 0)
    L.fail(ErrorKind::Value, a.span_of(name), fmt::format("{}() got a negative size {} for '{}'", a.callee(), n, name));
  return Dim(n);
}

// ---- pad ------------------------------------------------------------------

/// NumPy pad_width forms: n, (n,), (before, after), ((before, after),) or one
/// (before, after) pair per axis.
std::vector<std::pair<int64_t, int64_t>> pad_widths(Lowerer& L, const CallArgs& a, int rank, const Shape& shape) {
  const Value& v = a["pad_width"];
  SourceSpan s = a.span_of("pad_width");
  std::string hint = "give n, (before, after), or one (before, after) pair per axis";
  auto integer = [&](const Value& item) {
    if (item.kind != Value::Kind::Int)
      L.fail(ErrorKind::Call, s,
             fmt::format("pad_width must hold integers, but one item is {}", describe(item, L.function())), hint);
    if (item.i < 0)
      L.fail(ErrorKind::Value, s, fmt::format("pad widths cannot be negative, got {}", item.i),
             "use slicing to remove elements");
    return item.i;
  };
  auto pair = [&](const Value& p) -> std::pair<int64_t, int64_t> {
    if (p.kind == Value::Kind::Int) return {integer(p), integer(p)};
    if (!p.is_sequence() || p.items.empty() || p.items.size() > 2)
      L.fail(ErrorKind::Call, s, fmt::format("pad_width: each axis needs (before, after), but got {}", describe(p, L.function())),
             hint);
    return {integer(p.items[0]), integer(p.items.back())};
  };
  std::vector<std::pair<int64_t, int64_t>> out;
  if (v.kind == Value::Kind::Int) return std::vector(static_cast<size_t>(rank), pair(v));
  if (!v.is_sequence() || v.items.empty())
    L.fail(ErrorKind::Call, s, fmt::format("pad_width must be an integer or pairs of integers, but it is {}",
                                           describe(v, L.function())),
           hint);
  bool flat = std::all_of(v.items.begin(), v.items.end(), [](const Value& i) { return !i.is_sequence(); });
  if (flat) return std::vector(static_cast<size_t>(rank), pair(v));
  if (v.items.size() == 1) return std::vector(static_cast<size_t>(rank), pair(v.items[0]));
  if (static_cast<int>(v.items.size()) != rank)
    L.fail(ErrorKind::Shape, s,
           fmt::format("pad_width has {} pairs but the tensor of shape {} has {} axes", v.items.size(),
                       ir::format_shape(shape), rank),
           "give one (before, after) pair per axis");
  for (const Value& p : v.items) out.push_back(pair(p));
  return out;
}

// ---- arange ---------------------------------------------------------------

Value arange(Lowerer& L, const CallArgs& a) {
  SourceSpan s = a.span();
  for (const char* n : {"start", "stop", "step"}) {
    const Value& v = a[n];
    if (!v.is_none() && v.kind != Value::Kind::Int && v.kind != Value::Kind::Float && v.kind != Value::Kind::Bool)
      L.fail(ErrorKind::Call, a.span_of(n),
             fmt::format("argument '{}' of arange() must be a number known before run time, but it is {}", n,
                         describe(v, L.function())));
  }
  bool any_float = false;
  for (const char* n : {"start", "stop", "step"}) any_float |= a[n].kind == Value::Kind::Float;
  double start = a.number("start"), stop = 0, step = a.number("step");
  if (a.given("stop")) stop = a.number("stop");
  else std::swap(start, stop);  // arange(n) counts from 0 to n
  if (step == 0) L.fail(ErrorKind::Value, a.span_of("step"), "arange() step cannot be zero", "use e.g. step=1 or step=-1");
  double span_count = std::ceil((stop - start) / step);
  if (!(span_count < 2147483648.0) && !std::isnan(span_count))
    L.fail(ErrorKind::Limit, s, fmt::format("arange() would make {} elements, more than Lamina allows", span_count));
  if (std::isnan(span_count))
    L.fail(ErrorKind::Value, s, "arange() needs finite start, stop and step");
  int64_t n = static_cast<int64_t>(std::max(0.0, span_count));

  DType d = a.dtype("dtype").value_or(any_float ? DType::Float32 : DType::Int32);
  bool integral = !any_float && !is_float(d);
  if (integral) {
    // Integer ramp: start + i * step, in int64 when int32 cannot hold the ends.
    int64_t lo = static_cast<int64_t>(start), st = static_cast<int64_t>(step);
    int64_t last = lo + (n > 0 ? (n - 1) * st : 0);
    bool fits = std::max(lo, last) <= std::numeric_limits<int32_t>::max() &&
                std::min(lo, last) >= std::numeric_limits<int32_t>::min();
    DType work = fits && d != DType::Int64 ? DType::Int32 : DType::Int64;
    Value r = tensor(ramp(L, 1, 0, Dim(n), work, s), a);
    if (st != 1 && n > 1) r = L.binary(Op::Mul, r, Value::integer(st, s), s);
    if (lo != 0) r = L.binary(Op::Add, r, Value::integer(lo, s), s);
    return tensor(L.b().cast(r.id, d, s), a);
  }
  // As NumPy: start + i * step computed in double, then rounded to the dtype.
  Value r = tensor(ramp(L, 1, 0, Dim(n), DType::Float64, s), a);
  if (step != 1) r = L.binary(Op::Mul, r, Value::real(step, s), s);
  if (start != 0) r = L.binary(Op::Add, r, Value::real(start, s), s);
  return tensor(L.b().cast(r.id, d, s), a);
}

// ---- tril / triu ------------------------------------------------------------

/// Keeps the elements on and below (tril) or above (triu) diagonal k of the
/// last two axes; zeroes the rest.
BuiltinFn triangle(bool lower) {
  return [lower](Lowerer& L, const CallArgs& a) {
    SourceSpan s = a.span();
    ValueId x = a.tensor("x");
    int r = L.rank(x);
    if (r < 2)
      L.fail(ErrorKind::Shape, s,
             fmt::format("{}() needs a tensor with at least 2 dimensions, got shape {}", a.callee(),
                         ir::format_shape(L.type(x).shape)),
             fmt::format("for a mask, start from a matrix, e.g. {}(ones((n, n)))", a.callee()));
    int64_t k = a.integer("k");
    const Shape& shape = L.type(x).shape;
    ValueId offset = diagonal_offset(L, shape[static_cast<size_t>(r - 2)], shape[static_cast<size_t>(r - 1)], s);
    ValueId keep = L.b().binary(lower ? Op::Le : Op::Ge, offset, int64_scalar(L, k, s), s);
    return tensor(L.select(keep, x, L.scalar(0, L.dtype(x), s), s), a);
  };
}

// ---- zeros / ones / full ----------------------------------------------------

BuiltinFn filled(double value) {
  return [value](Lowerer& L, const CallArgs& a) {
    Shape shape = a.shape("shape");
    DType d = a.dtype("dtype").value_or(DType::Float32);
    return tensor(L.broadcast_to(L.scalar(value, d, a.span()), shape, a.span()), a);
  };
}

}  // namespace

void register_gather_ops(BuiltinTable& t) {
  t.add("take(x, indices, axis=None)", take("x"));
  t.add("gather(reference, indices, axis=0)", take("reference"));

  t.add("take_along_axis(x, indices, axis=None)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    ValueId idx = index_arg(L, a, "indices");
    int64_t axis = 0;
    if (a.given("axis")) {
      axis = a.axis("axis", L.rank(x));
    } else {
      x = L.flatten_all(x, a.span());
      if (L.rank(idx) != 1)
        L.fail(ErrorKind::Shape, a.span_of("indices"),
               fmt::format("take_along_axis() without an axis needs 1-D indices, got shape {}",
                           ir::format_shape(L.type(idx).shape)),
               "give an axis, or flatten the indices");
    }
    check_constant_indices(L, idx, L.type(x).shape[static_cast<size_t>(axis)], axis, a.span_of("indices"));
    return tensor(gather(L, Op::GatherAlong, x, idx, axis, a.span()), a);
  });

  // tf.one_hot / keras.ops.one_hot: an index outside 0..depth-1 gives a row of zeros.
  t.add("one_hot(indices, depth=None, axis=-1, dtype=\"float32\", num_classes=None)", [](Lowerer& L, const CallArgs& a) {
    SourceSpan s = a.span();
    ValueId idx = index_arg(L, a, "indices");
    if (!a.given("depth") && !a.given("num_classes"))
      L.fail(ErrorKind::Call, s, "one_hot() is missing its argument 'depth'", "e.g. one_hot(labels, 10)");
    std::string depth_name = a.given("depth") ? "depth" : "num_classes";
    int64_t depth = a.integer(depth_name);
    if (depth < 0)
      L.fail(ErrorKind::Value, a.span_of(depth_name), fmt::format("one_hot() depth cannot be negative, got {}", depth));
    int r = L.rank(idx) + 1;
    int64_t axis = L.normalize_axis(a.integer("axis"), r, a.span_of("axis"));
    DType d = a.dtype("dtype").value_or(DType::Float32);
    ValueId classes = ramp(L, r, axis, Dim(depth), L.dtype(idx), s);
    ValueId hot = L.b().binary(Op::Eq, L.expand_dims(idx, axis, s), classes, s);
    return tensor(L.b().cast(hot, d, s), a);
  });

  t.add("pad(x, pad_width, mode=\"constant\", constant_values=0)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    std::string mode = a.string("mode");
    std::string lower_mode = mode;
    for (char& c : lower_mode) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower_mode != "constant")
      L.fail(ErrorKind::Value, a.span_of("mode"), fmt::format("pad() mode '{}' is not supported", mode),
             "Lamina supports mode=\"constant\" (padding with constant_values)");
    auto widths = pad_widths(L, a, L.rank(x), L.type(x).shape);
    ir::Attrs attrs;
    for (auto [before, after] : widths) {
      attrs.starts.push_back(before);
      attrs.stops.push_back(after);
    }
    attrs.a = a.number("constant_values");
    return tensor(L.b().add(Op::Pad, {x}, attrs, a.span()), a);
  });

  t.add("arange(start, stop=None, step=1, dtype=None)", arange);

  t.add("tril(x, k=0)", triangle(true));
  t.add("triu(x, k=0)", triangle(false));

  // Values and indices of the k largest entries along the last axis, largest
  // first; the lower index first among equal values.
  t.add("top_k(x, k, sorted=True)", [](Lowerer& L, const CallArgs& a) {
    SourceSpan s = a.span();
    ValueId x = a.tensor("x");
    int64_t k = a.integer("k");
    a.boolean("sorted");  // the result is always sorted, which sorted=False allows
    const Shape& shape = L.type(x).shape;
    if (shape.empty())
      L.fail(ErrorKind::Shape, a.span_of("x"), "top_k() needs a tensor with at least one dimension, got a scalar");
    if (L.dtype(x) == DType::Bool)
      L.fail(ErrorKind::Type, a.span_of("x"), "top_k() needs a numeric tensor, got bool",
             "cast it first, e.g. cast(x, \"int32\")");
    if (k < 0) L.fail(ErrorKind::Value, a.span_of("k"), fmt::format("top_k() k cannot be negative, got {}", k));
    if (shape.back().known() && k > shape.back().value())
      L.fail(ErrorKind::Value, a.span_of("k"),
             fmt::format("top_k() k = {} is larger than the last dimension of shape {}", k, ir::format_shape(shape)),
             fmt::format("k can be at most {}", shape.back().value()));
    ir::Attrs attrs;
    attrs.index = k;
    ValueId values = L.b().add(Op::TopKValues, {x}, attrs, s);
    ValueId indices = L.b().add(Op::TopKIndices, {x}, attrs, s);
    return Value::sequence(Value::Kind::Tuple, {tensor(values, a), tensor(indices, a)}, s);
  });

  // eye(N, M, k): ones on diagonal k of an (N, M) matrix. K.eye((n, m)) also works.
  t.add("eye(N, M=None, k=0, dtype=\"float32\")", [](Lowerer& L, const CallArgs& a) {
    SourceSpan s = a.span();
    Dim n, m;
    const Value& size = a["N"];
    if (size.is_sequence()) {
      Shape nm = a.shape("N");
      if (nm.size() != 2)
        L.fail(ErrorKind::Value, a.span_of("N"), fmt::format("eye() takes a size or an (N, M) pair, got {} sizes", nm.size()));
      n = nm[0];
      m = nm[1];
    } else {
      n = size_arg(L, a, "N");
      m = a.given("M") ? size_arg(L, a, "M") : n;
    }
    DType d = a.dtype("dtype").value_or(DType::Float32);
    ValueId on = L.b().binary(Op::Eq, diagonal_offset(L, n, m, s), int64_scalar(L, a.integer("k"), s), s);
    return tensor(L.b().cast(on, d, s), a);
  });

  t.add("zeros(shape, dtype=\"float32\")", filled(0));
  t.add("ones(shape, dtype=\"float32\")", filled(1));
  t.add("full(shape, fill_value, dtype=None)", [](Lowerer& L, const CallArgs& a) {
    Shape shape = a.shape("shape");
    const Value& fill = a["fill_value"];
    ValueId v;
    if (auto d = a.dtype("dtype")) v = L.as_dtype(fill, *d);
    else v = a.tensor("fill_value");
    return tensor(L.broadcast_to(v, shape, a.span()), a);
  });
}

}  // namespace lamina::lower
