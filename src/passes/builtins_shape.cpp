// Shape and data movement: concatenation, reshapes, transposes, repeats, splits.

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Op;
using ir::ValueId;

namespace {

Value tensor(ValueId id, const CallArgs& a) { return Value::tensor(id, a.span()); }

/// Repeats every element of x `n` times along `axis` (NumPy repeat with a scalar count).
ValueId repeat_axis(Lowerer& L, ValueId x, int64_t axis, int64_t n, SourceSpan s) {
  ir::Shape in = L.type(x).shape;
  ValueId e = L.expand_dims(x, axis + 1, s);
  ir::Shape wide = L.type(e).shape;
  wide[static_cast<size_t>(axis + 1)] = ir::Dim(n);
  ValueId b = L.broadcast_to(e, wide, s);
  ir::Shape out = in;
  ir::Dim d = in[static_cast<size_t>(axis)];
  int64_t infer = -1;
  if (d.known()) out[static_cast<size_t>(axis)] = ir::Dim(d.value() * n);
  else infer = axis;
  return L.reshape(b, out, s, infer);
}

/// Tiles x `n` times along `axis` (the whole axis repeats).
ValueId tile_axis(Lowerer& L, ValueId x, int64_t axis, int64_t n, SourceSpan s) {
  ir::Shape in = L.type(x).shape;
  ValueId e = L.expand_dims(x, axis, s);
  ir::Shape wide = L.type(e).shape;
  wide[static_cast<size_t>(axis)] = ir::Dim(n);
  ValueId b = L.broadcast_to(e, wide, s);
  ir::Shape out = in;
  ir::Dim d = in[static_cast<size_t>(axis)];
  int64_t infer = -1;
  if (d.known()) out[static_cast<size_t>(axis)] = ir::Dim(d.value() * n);
  else infer = axis;
  return L.reshape(b, out, s, infer);
}

/// A tensor of x's shape filled with `fill` (a weak scalar or a tensor), of dtype `d`.
ValueId filled_like(Lowerer& L, ValueId x, const Value& fill, DType d, SourceSpan s) {
  ValueId v = L.as_dtype(fill, d);
  return L.broadcast_to(v, L.type(x).shape, s);
}

}  // namespace

void register_shape_ops(BuiltinTable& t) {
  // K.concatenate's default axis is -1 (keras.ops.concatenate uses 0): see language.md.
  t.add("concatenate(xs, axis=-1)", [](Lowerer& L, const CallArgs& a) {
    auto xs = a.tensor_list("xs");
    int r = L.rank(xs[0]);
    for (size_t i = 1; i < xs.size(); ++i)
      if (L.rank(xs[i]) != r)
        L.fail(ErrorKind::Shape, a.span_of("xs"),
               fmt::format("concatenate() needs tensors of the same rank, but item 0 has shape {} and item {} has shape {}",
                           ir::format_shape(L.type(xs[0]).shape), i, ir::format_shape(L.type(xs[i]).shape)));
    if (r == 0) L.fail(ErrorKind::Shape, a.span_of("xs"), "concatenate() cannot join scalars", "use stack() instead");
    return tensor(L.concat(xs, a.axis("axis", r), a.span()), a);
  });
  t.alias("concat", "concatenate");
  t.add("stack(xs, axis=0)", [](Lowerer& L, const CallArgs& a) {
    auto xs = a.tensor_list("xs");
    int r = L.rank(xs[0]);
    auto differ = [](const ir::Shape& p, const ir::Shape& q) {
      if (p.size() != q.size()) return true;
      for (size_t k = 0; k < p.size(); ++k)
        if (p[k].known() && q[k].known() && p[k].value() != q[k].value()) return true;
      return false;  // sizes known only at run time are checked then
    };
    for (size_t i = 1; i < xs.size(); ++i)
      if (differ(L.type(xs[0]).shape, L.type(xs[i]).shape))
        L.fail(ErrorKind::Shape, a.span_of("xs"),
               fmt::format("stack() needs tensors of the same shape, but item 0 has shape {} and item {} has shape {}",
                           ir::format_shape(L.type(xs[0]).shape), i, ir::format_shape(L.type(xs[i]).shape)));
    int64_t axis = L.normalize_axis(a.integer("axis"), r + 1, a.span_of("axis"));
    for (ValueId& x : xs) x = L.expand_dims(x, axis, a.span());
    return tensor(L.concat(xs, axis, a.span()), a);
  });

  // reshape(x, shape): the full target shape (keras.ops.reshape); one -1 is inferred and
  // None stands for the input's batch dimension.
  t.add("reshape(x, newshape)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    std::optional<ir::Dim> batch;
    if (L.rank(x) > 0) batch = L.type(x).shape[0];
    int64_t infer = -1;
    ir::Shape target = a.shape("newshape", batch, &infer);
    return tensor(L.reshape(x, target, a.span(), infer), a);
  });
  t.add("transpose(x, axes=None, perm=None)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    int r = L.rank(x);
    const char* which = a.given("perm") ? "perm" : "axes";
    std::vector<int64_t> perm;
    if (!a.given(which)) {
      for (int i = r - 1; i >= 0; --i) perm.push_back(i);
    } else {
      perm = a.int_list(which);
      if (static_cast<int>(perm.size()) != r)
        L.fail(ErrorKind::Axis, a.span_of(which),
               fmt::format("transpose() needs a permutation of {} axes, but {} were given", r, perm.size()),
               fmt::format("the tensor has shape {}", ir::format_shape(L.type(x).shape)));
      std::vector<bool> seen(static_cast<size_t>(r));
      for (int64_t& p : perm) {
        p = L.normalize_axis(p, r, a.span_of(which));
        if (seen[static_cast<size_t>(p)])
          L.fail(ErrorKind::Axis, a.span_of(which), fmt::format("transpose() got axis {} twice", p),
                 "give each axis exactly once");
        seen[static_cast<size_t>(p)] = true;
      }
    }
    return tensor(L.transpose(x, perm, a.span()), a);
  });
  t.add("permute_dimensions(x, pattern)", [](Lowerer& L, const CallArgs& a) {
    return L.call("transpose", {a["x"], a["pattern"]}, a.span());
  });
  t.add("expand_dims(x, axis)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    auto axes = a.int_list("axis");
    int out_rank = L.rank(x) + static_cast<int>(axes.size());
    std::vector<int64_t> norm;
    for (int64_t ax : axes) norm.push_back(L.normalize_axis(ax, out_rank, a.span_of("axis")));
    std::sort(norm.begin(), norm.end());
    if (std::adjacent_find(norm.begin(), norm.end()) != norm.end())
      L.fail(ErrorKind::Axis, a.span_of("axis"), "expand_dims() got the same axis twice",
             fmt::format("axes count in the result, which has rank {}", out_rank));
    for (int64_t ax : norm) x = L.expand_dims(x, ax, a.span());
    return tensor(x, a);
  });
  t.add("squeeze(x, axis=None)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    const ir::Shape& in = L.type(x).shape;
    std::vector<bool> drop(in.size());
    if (!a.given("axis")) {
      for (size_t i = 0; i < in.size(); ++i) drop[i] = in[i] == ir::Dim(1);
    } else {
      for (int64_t ax : a.axes("axis", L.rank(x))) {
        ir::Dim d = in[static_cast<size_t>(ax)];
        if (d.known() && d.value() != 1)
          L.fail(ErrorKind::Shape, a.span_of("axis"),
                 fmt::format("cannot squeeze axis {} of shape {}: its size is {}, not 1", ax, ir::format_shape(in), d.value()));
        drop[static_cast<size_t>(ax)] = true;
      }
    }
    ir::Shape out;
    for (size_t i = 0; i < in.size(); ++i)
      if (!drop[i]) out.push_back(in[i]);
    return tensor(L.reshape(x, out, a.span()), a);
  });
  // flatten(x): keeps the batch axis, like K.batch_flatten and the Flatten layer.
  t.add("flatten(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    const ir::Shape& in = L.type(x).shape;
    if (in.size() <= 1)
      L.fail(ErrorKind::Shape, a.span(), fmt::format("flatten() keeps the batch axis, so it needs rank 2 or more; got shape {}",
                                                     ir::format_shape(in)));
    int64_t n = 1;
    bool known = true;
    for (size_t i = 1; i < in.size(); ++i) {
      known &= in[i].known();
      if (in[i].known()) n *= in[i].value();
    }
    if (known) return tensor(L.reshape(x, {in[0], ir::Dim(n)}, a.span()), a);
    return tensor(L.reshape(x, {in[0], ir::Dim(1)}, a.span(), 1), a);
  });
  t.alias("batch_flatten", "flatten");
  t.add("ravel(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    if (L.rank(x) == 0) return tensor(L.reshape(x, {ir::Dim(1)}, a.span()), a);
    return tensor(L.flatten_all(x, a.span()), a);
  });

  t.add("repeat(x, repeats, axis=None)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    int64_t n = a.integer("repeats");
    if (n < 0) L.fail(ErrorKind::Value, a.span_of("repeats"), fmt::format("repeat() count cannot be negative ({})", n));
    if (!a.given("axis")) {
      if (L.rank(x) == 0) x = L.reshape(x, {ir::Dim(1)}, a.span());
      return tensor(repeat_axis(L, L.flatten_all(x, a.span()), 0, n, a.span()), a);
    }
    return tensor(repeat_axis(L, x, a.axis("axis", L.rank(x)), n, a.span()), a);
  });
  t.add("tile(x, repeats)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    auto reps = a.int_list("repeats");
    for (int64_t r : reps)
      if (r < 0) L.fail(ErrorKind::Value, a.span_of("repeats"), fmt::format("tile() counts cannot be negative ({})", r));
    // NumPy: pad the shorter of reps / shape with leading ones.
    while (static_cast<int>(reps.size()) < L.rank(x)) reps.insert(reps.begin(), 1);
    while (L.rank(x) < static_cast<int>(reps.size())) x = L.expand_dims(x, 0, a.span());
    for (size_t i = 0; i < reps.size(); ++i)
      if (reps[i] != 1) x = tile_axis(L, x, static_cast<int64_t>(i), reps[i], a.span());
    return tensor(x, a);
  });
  t.add("broadcast_to(x, shape)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    return tensor(L.broadcast_to(x, a.shape("shape"), a.span()), a);
  });
  // split(x, n, axis=0): n equal sections, or a list of split points (NumPy / keras.ops).
  t.add("split(x, indices_or_sections, axis=0)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    int64_t axis = a.axis("axis", L.rank(x));
    ir::Dim d = L.type(x).shape[static_cast<size_t>(axis)];
    std::vector<int64_t> points;
    const Value& spec = a["indices_or_sections"];
    if (spec.kind == Value::Kind::Int) {
      int64_t n = spec.i;
      if (n <= 0) L.fail(ErrorKind::Value, a.span_of("indices_or_sections"), "split() needs a positive number of sections");
      if (!d.known())
        L.fail(ErrorKind::Shape, a.span_of("axis"), "split() into equal sections needs the axis size before run time",
               "split along an axis whose size is fixed");
      if (d.value() % n != 0)
        L.fail(ErrorKind::Shape, a.span_of("indices_or_sections"),
               fmt::format("split() cannot divide an axis of size {} into {} equal sections", d.value(), n),
               "give split points instead, e.g. split(x, [2, 5], axis)");
      for (int64_t i = 1; i < n; ++i) points.push_back(i * (d.value() / n));
    } else {
      points = a.int_list("indices_or_sections");
    }
    std::vector<Value> parts;
    int64_t start = 0;
    for (size_t i = 0; i <= points.size(); ++i) {
      int64_t stop = i < points.size() ? points[i] : std::numeric_limits<int64_t>::max();
      parts.push_back(Value::tensor(L.slice_axis(x, axis, start, stop, 1, a.span()), a.span()));
      start = stop;
    }
    return Value::sequence(Value::Kind::List, std::move(parts), a.span());
  });

  t.add("zeros_like(x, dtype=None)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    return tensor(filled_like(L, x, Value::integer(0, a.span()), a.dtype("dtype").value_or(L.dtype(x)), a.span()), a);
  });
  t.add("ones_like(x, dtype=None)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    return tensor(filled_like(L, x, Value::integer(1, a.span()), a.dtype("dtype").value_or(L.dtype(x)), a.span()), a);
  });
  t.add("full_like(x, fill_value, dtype=None)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    // keras.ops.full_like: the result has x's dtype unless one is given.
    DType d = a.dtype("dtype").value_or(L.dtype(x));
    Value fill = a["fill_value"];
    if (fill.kind == Value::Kind::Float && !is_float(d)) {
      // NumPy truncates toward zero; NaN, inf and values beyond int64 have no integer.
      if (!(std::abs(fill.f) < 9.2233720368547758e18))
        L.fail(ErrorKind::Value, a.span_of("fill_value"),
               fmt::format("full_like() cannot put {} in a tensor of dtype {}", fill.f, dtype_name(d)),
               "give a float dtype, e.g. full_like(x, v, dtype=\"float32\")");
      fill = Value::integer(static_cast<int64_t>(fill.f), fill.span);
    }
    return tensor(filled_like(L, x, fill, d, a.span()), a);
  });

  // shape(x): a tuple whose items are ints, or run-time dims for unknown sizes.
  t.add("shape(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    std::vector<Value> dims;
    for (ir::Dim d : L.type(x).shape) dims.push_back(Value::dimension(d, a.span()));
    return Value::sequence(Value::Kind::Tuple, std::move(dims), a.span());
  });
  // int_shape(x): like Keras, None for sizes unknown before run time.
  t.add("int_shape(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    std::vector<Value> dims;
    for (ir::Dim d : L.type(x).shape) dims.push_back(d.known() ? Value::integer(d.value(), a.span()) : Value::none(a.span()));
    return Value::sequence(Value::Kind::Tuple, std::move(dims), a.span());
  });
  t.add("ndim(x)", [](Lowerer& L, const CallArgs& a) { return Value::integer(L.rank(a.tensor("x")), a.span()); });
  t.add("size(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    std::vector<int64_t> all;
    for (int i = 0; i < L.rank(x); ++i) all.push_back(i);
    return tensor(L.count(x, all, DType::Int32, a.span()), a);
  });
}

}  // namespace lamina::lower
