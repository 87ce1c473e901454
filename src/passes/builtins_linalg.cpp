// Linear algebra with NumPy / Keras semantics: matmul (and `@`), dot,
// tensordot, batch_dot and einsum.
//
// Every product except matmul goes through `contract`, which lowers to one
// MatMul when the free and the summed axes of each side can be merged into the
// rows and columns of a matrix, and to a broadcast Mul + ReduceSum otherwise
// (several run-time dims that cannot be merged at compile time).

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Dim;
using ir::Op;
using ir::Shape;
using ir::ValueId;

namespace {

std::string shape_text(Lowerer& L, ValueId x) { return ir::format_shape(L.type(x).shape); }

/// Two known sizes that differ (a run-time dim may still turn out equal).
bool conflict(Dim a, Dim b) { return a.known() && b.known() && a.value() != b.value(); }

std::string dim_text(Dim d) { return d.known() ? std::to_string(d.value()) : std::string("None"); }

/// The operands of a product at their common dtype. NumPy multiplies bools as
/// logical and/or; we multiply them as int32 and turn the result back into bool.
struct Operands {
  ValueId x, y;
  bool boolean;
};

Operands numeric_pair(Lowerer& L, ValueId x, ValueId y, SourceSpan s) {
  auto [a, b] = L.promote_pair(x, y, s);
  bool boolean = L.dtype(a) == DType::Bool;
  if (boolean) {
    a = L.b().cast(a, DType::Int32, s);
    b = L.b().cast(b, DType::Int32, s);
  }
  return {a, b, boolean};
}

ValueId finish(Lowerer& L, ValueId r, bool boolean, SourceSpan s) { return boolean ? L.to_bool(r, s) : r; }

Shape dims_at(const Shape& s, const std::vector<int64_t>& axes) {
  Shape out;
  for (int64_t a : axes) out.push_back(s[static_cast<size_t>(a)]);
  return out;
}

std::vector<int64_t> cat(std::vector<int64_t> a, const std::vector<int64_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Shape cat(Shape a, const Shape& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

/// The dims as one dim: none → 1, one → itself, several known → their product;
/// nullopt when several include a run-time dim.
std::optional<Dim> merged(const Shape& dims) {
  if (dims.size() == 1) return dims[0];
  int64_t n = 1;
  for (Dim d : dims) {
    if (!d.known()) return std::nullopt;
    n *= d.value();
  }
  return Dim(n);
}

/// Axes of a tensor of `rank` appearing in neither list, in order.
std::vector<int64_t> other_axes(int rank, const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  std::vector<int64_t> out;
  for (int64_t i = 0; i < rank; ++i)
    if (std::find(a.begin(), a.end(), i) == a.end() && std::find(b.begin(), b.end(), i) == b.end()) out.push_back(i);
  return out;
}

/// Axis pairs (x's axis, y's axis).
struct Pairs {
  std::vector<int64_t> x, y;
};

/// The general product of x and y (same dtype, checked sizes): the `batch`
/// pairs of axes run in parallel (broadcasting), the `sum` pairs are multiplied
/// and summed over. Result axes: the batch axes, then x's other axes, then y's
/// other axes, each in their original order.
ValueId contract(Lowerer& L, ValueId x, ValueId y, const Pairs& batch, const Pairs& sum, SourceSpan s) {
  const Shape xs = L.type(x).shape, ys = L.type(y).shape;
  std::vector<int64_t> xf = other_axes(L.rank(x), batch.x, sum.x);
  std::vector<int64_t> yf = other_axes(L.rank(y), batch.y, sum.y);
  std::optional<Dim> m = merged(dims_at(xs, xf)), n = merged(dims_at(ys, yf));
  std::optional<Dim> kx = merged(dims_at(xs, sum.x)), ky = merged(dims_at(ys, sum.y));

  if (m && n && kx && ky) {
    // (batch..., m, k) @ (batch..., k, n) → (batch..., m, n), then unmerge m and n.
    ValueId a = L.transpose(x, cat(cat(batch.x, xf), sum.x), s);
    ValueId b = L.transpose(y, cat(cat(batch.y, sum.y), yf), s);
    a = L.reshape(a, cat(dims_at(xs, batch.x), {*m, *kx}), s);
    b = L.reshape(b, cat(dims_at(ys, batch.y), {*ky, *n}), s);
    ValueId r = L.b().add(Op::MatMul, {a, b}, {}, s);
    const Shape& rs = L.type(r).shape;
    Shape out(rs.begin(), rs.begin() + static_cast<long>(batch.x.size()));
    return L.reshape(r, cat(cat(out, dims_at(xs, xf)), dims_at(ys, yf)), s);
  }

  // x → (batch..., x free..., 1 per y free, summed...), y → (batch..., 1 per x free,
  // y free..., summed...): their broadcast product summed over the trailing axes.
  ValueId a = L.transpose(x, cat(cat(batch.x, xf), sum.x), s);
  ValueId b = L.transpose(y, cat(cat(batch.y, yf), sum.y), s);
  Shape as = cat(dims_at(xs, batch.x), dims_at(xs, xf));
  as.insert(as.end(), yf.size(), Dim(1));
  a = L.reshape(a, cat(as, dims_at(xs, sum.x)), s);
  Shape bs = dims_at(ys, batch.y);
  bs.insert(bs.end(), xf.size(), Dim(1));
  b = L.reshape(b, cat(cat(bs, dims_at(ys, yf)), dims_at(ys, sum.y)), s);
  ValueId r = L.b().binary(Op::Mul, a, b, s);
  if (sum.x.empty()) return r;
  std::vector<int64_t> summed;
  int rank = L.rank(r);
  for (size_t i = 0; i < sum.x.size(); ++i) summed.push_back(rank - static_cast<int>(sum.x.size()) + static_cast<int>(i));
  return L.reduce(Op::ReduceSum, r, summed, false, s);
}

// ---------------------------------------------------------------------------
// matmul
// ---------------------------------------------------------------------------

/// NumPy matmul: 1-D operands become a row (left) or a column (right) and that
/// axis is dropped from the result; batch dims broadcast.
ValueId matmul(Lowerer& L, ValueId x, ValueId y, SourceSpan s) {
  int rx = L.rank(x), ry = L.rank(y);
  if (rx == 0 || ry == 0)
    L.fail(ErrorKind::Shape, s,
           fmt::format("matmul: {} @ {}: a scalar cannot be matrix-multiplied", shape_text(L, x), shape_text(L, y)),
           "use * (multiply) to scale by a scalar");
  const Shape xs = L.type(x).shape, ys = L.type(y).shape;
  Dim kx = xs.back(), ky = ry == 1 ? ys[0] : ys[static_cast<size_t>(ry - 2)];
  if (conflict(kx, ky))
    L.fail(ErrorKind::Shape, s,
           fmt::format("matmul: shapes {} and {} do not fit: the last dimension of the first ({}) must equal the {} "
                       "dimension of the second ({})",
                       shape_text(L, x), shape_text(L, y), kx.value(), ry == 1 ? "only" : "second-to-last",
                       ky.value()),
           "transpose one of them, e.g. transpose(y) or swapaxes, if the operands are the wrong way round");
  auto [a, b, boolean] = numeric_pair(L, x, y, s);
  if (rx == 1) a = L.reshape(a, {Dim(1), kx}, s);
  if (ry == 1) b = L.reshape(b, {ky, Dim(1)}, s);
  ValueId r = L.b().add(Op::MatMul, {a, b}, {}, s);
  if (rx == 1 || ry == 1) {
    Shape out = L.type(r).shape;
    if (ry == 1) out.pop_back();
    if (rx == 1) out.erase(out.end() - (ry == 1 ? 1 : 2));
    r = L.reshape(r, out, s);
  }
  return finish(L, r, boolean, s);
}

// ---------------------------------------------------------------------------
// dot, tensordot, batch_dot
// ---------------------------------------------------------------------------

/// NumPy dot: scalars multiply; otherwise x's last axis is summed against y's
/// only axis (1-D) or its second-to-last; result x.shape[:-1] + y's other axes.
Value dot(Lowerer& L, const CallArgs& a) {
  SourceSpan s = a.span();
  ValueId x = a.tensor("x1"), y = a.tensor("x2");
  if (L.rank(x) == 0 || L.rank(y) == 0) return L.binary(Op::Mul, a["x1"], a["x2"], s);
  int rx = L.rank(x), ry = L.rank(y);
  int64_t ax = rx - 1, ay = ry == 1 ? 0 : ry - 2;
  Dim dx = L.type(x).shape[static_cast<size_t>(ax)], dy = L.type(y).shape[static_cast<size_t>(ay)];
  if (conflict(dx, dy))
    L.fail(ErrorKind::Shape, s,
           fmt::format("dot: shapes {} and {} are not aligned: the last dimension of the first ({}) must equal the "
                       "{} dimension of the second ({})",
                       shape_text(L, x), shape_text(L, y), dx.value(), ry == 1 ? "only" : "second-to-last", dy.value()));
  auto [p, q, boolean] = numeric_pair(L, x, y, s);
  return Value::tensor(finish(L, contract(L, p, q, {}, {{ax}, {ay}}, s), boolean, s), s);
}

/// Checks that paired axes have equal sizes (when both are known).
void check_pairs(Lowerer& L, const char* fn, ValueId x, ValueId y, const Pairs& p, SourceSpan s) {
  for (size_t i = 0; i < p.x.size(); ++i) {
    Dim dx = L.type(x).shape[static_cast<size_t>(p.x[i])], dy = L.type(y).shape[static_cast<size_t>(p.y[i])];
    if (conflict(dx, dy))
      L.fail(ErrorKind::Shape, s,
             fmt::format("{}: shapes {} and {} do not fit: axis {} of the first has size {} but axis {} of the second "
                         "has size {}",
                         fn, shape_text(L, x), shape_text(L, y), p.x[i], dx.value(), p.y[i], dy.value()),
             "the summed axes must have the same size");
  }
}

/// An int or a list of ints from a compile-time value; axes normalised for `rank`.
std::vector<int64_t> axis_list(Lowerer& L, const Value& v, int rank, SourceSpan s, const char* fn) {
  std::vector<Value> items = v.is_sequence() ? v.items : std::vector<Value>{v};
  std::vector<int64_t> out;
  for (const Value& item : items) {
    if (item.kind != Value::Kind::Int)
      L.fail(ErrorKind::Call, s, fmt::format("{}: axes must be integers, but one is {}", fn, describe(item, L.function())));
    int64_t axis = L.normalize_axis(item.i, rank, s);
    if (std::find(out.begin(), out.end(), axis) != out.end())
      L.fail(ErrorKind::Axis, s, fmt::format("{}: axis {} is given twice for one operand", fn, item.i));
    out.push_back(axis);
  }
  return out;
}

Value tensordot(Lowerer& L, const CallArgs& a) {
  SourceSpan s = a.span(), as = a.span_of("axes");
  ValueId x = a.tensor("x1"), y = a.tensor("x2");
  int rx = L.rank(x), ry = L.rank(y);
  const Value& axes = a["axes"];
  Pairs sum;
  if (axes.kind == Value::Kind::Int) {
    int64_t n = axes.i;
    if (n < 0 || n > std::min(rx, ry))
      L.fail(ErrorKind::Axis, as,
             fmt::format("tensordot: axes={} cannot be summed for shapes {} and {}", n, shape_text(L, x), shape_text(L, y)),
             fmt::format("an integer axes sums the last n axes of the first with the first n of the second; n must be "
                         "between 0 and {}",
                         std::min(rx, ry)));
    for (int64_t i = 0; i < n; ++i) {
      sum.x.push_back(rx - n + i);
      sum.y.push_back(i);
    }
  } else if (axes.is_sequence() && axes.items.size() == 2) {
    sum.x = axis_list(L, axes.items[0], rx, as, "tensordot");
    sum.y = axis_list(L, axes.items[1], ry, as, "tensordot");
    if (sum.x.size() != sum.y.size())
      L.fail(ErrorKind::Axis, as,
             fmt::format("tensordot: {} axes are given for the first operand but {} for the second", sum.x.size(),
                         sum.y.size()),
             "give the same number of axes for both, e.g. axes=([1, 2], [0, 1])");
  } else {
    L.fail(ErrorKind::Call, as,
           fmt::format("tensordot: axes must be an integer or a pair of axis lists, but it is {}",
                       describe(axes, L.function())),
           "e.g. axes=2 or axes=([1], [0])");
  }
  check_pairs(L, "tensordot", x, y, sum, s);
  auto [p, q, boolean] = numeric_pair(L, x, y, s);
  return Value::tensor(finish(L, contract(L, p, q, {}, sum, s), boolean, s), s);
}

/// keras.backend.batch_dot: axis 0 is the batch; one axis of each side is summed.
/// The result holds the batch, x's other axes, then y's other axes — except that
/// two rank-2 inputs give (batch, 1), as Keras does.
Value batch_dot(Lowerer& L, const CallArgs& a) {
  SourceSpan s = a.span(), as = a.span_of("axes");
  ValueId x = a.tensor("x"), y = a.tensor("y");
  int rx = L.rank(x), ry = L.rank(y);
  if (rx < 2 || ry < 2)
    L.fail(ErrorKind::Shape, s,
           fmt::format("batch_dot: shapes {} and {}: both inputs need at least 2 dimensions (batch first)",
                       shape_text(L, x), shape_text(L, y)),
           "add a dimension with expand_dims(x, -1), or use dot() for unbatched inputs");
  const Shape xs = L.type(x).shape, ys = L.type(y).shape;
  if (conflict(xs[0], ys[0]))
    L.fail(ErrorKind::Shape, s,
           fmt::format("batch_dot: shapes {} and {} have different batch sizes ({} and {})", shape_text(L, x),
                       shape_text(L, y), xs[0].value(), ys[0].value()));
  int64_t ax, ay;
  const Value& axes = a["axes"];
  if (axes.is_none()) {
    ax = rx - 1;
    ay = ry == 2 ? 1 : ry - 2;
  } else if (axes.kind == Value::Kind::Int) {
    ax = ay = axes.i;
  } else if (axes.is_sequence() && axes.items.size() == 2 && axes.items[0].kind == Value::Kind::Int &&
             axes.items[1].kind == Value::Kind::Int) {
    ax = axes.items[0].i;
    ay = axes.items[1].i;
  } else {
    L.fail(ErrorKind::Call, as,
           fmt::format("batch_dot: axes must be an integer or a pair of integers, but it is {}",
                       describe(axes, L.function())),
           "summing several axes per input is not supported; e.g. axes=(1, 2)");
  }
  ax = L.normalize_axis(ax, rx, as);
  ay = L.normalize_axis(ay, ry, as);
  if (ax == 0 || ay == 0)
    L.fail(ErrorKind::Axis, as, "batch_dot cannot sum over axis 0, the batch axis",
           "if the inputs are not batched, add a batch axis with expand_dims(x, 0)");
  Dim dx = xs[static_cast<size_t>(ax)], dy = ys[static_cast<size_t>(ay)];
  if (conflict(dx, dy))
    L.fail(ErrorKind::Shape, s,
           fmt::format("batch_dot: shapes {} and {} do not fit for axes ({}, {}): {} != {}", shape_text(L, x),
                       shape_text(L, y), ax, ay, dx.value(), dy.value()));
  auto [p, q, boolean] = numeric_pair(L, x, y, s);
  ValueId r = contract(L, p, q, {{0}, {0}}, {{ax}, {ay}}, s);
  if (rx == 2 && ry == 2) r = L.expand_dims(r, 1, s);
  return Value::tensor(finish(L, r, boolean, s), s);
}

// ---------------------------------------------------------------------------
// einsum
// ---------------------------------------------------------------------------

/// One operand's subscripts, checked: letters only, no repeats, one per axis.
std::string parse_term(Lowerer& L, const std::string& term, SourceSpan s) {
  std::string out;
  for (char c : term) {
    if (c == ' ') continue;
    if (c == '.')
      L.fail(ErrorKind::Value, s, "einsum: '...' (broadcast dimensions) is not supported",
             "name every axis with a letter, e.g. \"bij,bjk->bik\"");
    if (!std::isalpha(static_cast<unsigned char>(c)))
      L.fail(ErrorKind::Value, s, fmt::format("einsum: unexpected character '{}' in the subscripts", c),
             "subscripts are letters, commas and '->', e.g. \"ij,jk->ik\"");
    if (out.find(c) != std::string::npos)
      L.fail(ErrorKind::Value, s, fmt::format("einsum: '{}' repeats the letter '{}'", term, c),
             "diagonals and traces (a letter twice in one operand) are not supported");
    out += c;
  }
  return out;
}

/// Sums `x` (whose axes are named by `term`) over the letters not in `keep`.
ValueId sum_unused(Lowerer& L, ValueId x, std::string& term, const std::string& keep, SourceSpan s) {
  std::vector<int64_t> axes;
  std::string rest;
  for (size_t i = 0; i < term.size(); ++i) {
    if (keep.find(term[i]) == std::string::npos) axes.push_back(static_cast<int64_t>(i));
    else rest += term[i];
  }
  term = rest;
  if (axes.empty()) return x;
  return L.reduce(Op::ReduceSum, x, axes, false, s);
}

/// `x`, whose axes are named by `term`, with its axes in the order of `out`.
ValueId arrange(Lowerer& L, ValueId x, const std::string& term, const std::string& out, SourceSpan s) {
  std::vector<int64_t> perm;
  for (char c : out) perm.push_back(static_cast<int64_t>(term.find(c)));
  return L.transpose(x, perm, s);
}

Value einsum(Lowerer& L, const CallArgs& a) {
  SourceSpan s = a.span();
  std::string spec = a.string("subscripts");
  const Value& ops = a["operands"];
  std::vector<ValueId> xs;
  for (const Value& v : ops.items) {
    if (!v.is_tensor() && !v.is_scalar() && !v.is_sequence())
      L.fail(ErrorKind::Call, v.span.valid() ? v.span : s,
             fmt::format("einsum: operands must be tensors, but one is {}", describe(v, L.function())));
    xs.push_back(L.to_tensor(v));
  }

  size_t arrow = spec.find("->");
  std::string lhs = spec.substr(0, arrow);
  std::vector<std::string> terms;
  for (size_t start = 0;;) {
    size_t comma = lhs.find(',', start);
    terms.push_back(parse_term(L, lhs.substr(start, comma - start), a.span_of("subscripts")));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (terms.size() != xs.size())
    L.fail(ErrorKind::Call, s,
           fmt::format("einsum: the subscripts \"{}\" name {} operand{} but {} {} given", spec, terms.size(),
                       terms.size() == 1 ? "" : "s", xs.size(), xs.size() == 1 ? "was" : "were"));
  if (xs.empty() || xs.size() > 2)
    L.fail(ErrorKind::Call, s, fmt::format("einsum supports one or two operands, not {}", xs.size()),
           "combine more operands with several einsum calls");

  // Each letter has one size across the operands.
  std::map<char, std::pair<Dim, size_t>> sizes;  // letter → (size, operand that gave it)
  for (size_t k = 0; k < xs.size(); ++k) {
    const Shape& shape = L.type(xs[k]).shape;
    if (terms[k].size() != shape.size())
      L.fail(ErrorKind::Shape, s,
             fmt::format("einsum: operand {} has shape {} but its subscripts '{}' name {} ax{}", k,
                         ir::format_shape(shape), terms[k], terms[k].size(), terms[k].size() == 1 ? "is" : "es"));
    for (size_t i = 0; i < shape.size(); ++i) {
      auto [it, fresh] = sizes.insert({terms[k][i], {shape[i], k}});
      if (!fresh && conflict(it->second.first, shape[i]))
        L.fail(ErrorKind::Shape, s,
               fmt::format("einsum: '{}' has size {} in operand {} (shape {}) but {} in operand {} (shape {})",
                           terms[k][i], dim_text(it->second.first), it->second.second,
                           ir::format_shape(L.type(xs[it->second.second]).shape), dim_text(shape[i]), k,
                           ir::format_shape(shape)));
    }
  }

  std::string out;
  if (arrow != std::string::npos) {
    for (char c : spec.substr(arrow + 2)) {
      if (c == ' ') continue;
      if (!sizes.count(c))
        L.fail(ErrorKind::Value, a.span_of("subscripts"),
               fmt::format("einsum: the output letter '{}' does not appear in any operand", c));
      if (out.find(c) != std::string::npos)
        L.fail(ErrorKind::Value, a.span_of("subscripts"), fmt::format("einsum: the output repeats the letter '{}'", c));
      out += c;
    }
  } else {
    // Implicit output: the letters used once, in alphabetical order (NumPy).
    for (const auto& [c, size] : sizes) {
      size_t uses = 0;
      for (const auto& t : terms) uses += std::count(t.begin(), t.end(), c);
      if (uses == 1) out += c;
    }
  }

  if (xs.size() == 1) {
    ValueId x = xs[0];
    bool boolean = L.dtype(x) == DType::Bool;
    std::string term = terms[0];
    if (boolean && term.size() != out.size()) x = L.b().cast(x, DType::Int32, s);
    x = sum_unused(L, x, term, out, s);
    x = arrange(L, x, term, out, s);
    return Value::tensor(boolean ? L.to_bool(x, s) : x, s);
  }

  auto [x, y, boolean] = numeric_pair(L, xs[0], xs[1], s);
  std::string tx = terms[0], ty = terms[1];
  // Letters of one operand only that the output drops are summed first.
  x = sum_unused(L, x, tx, out + ty, s);
  y = sum_unused(L, y, ty, out + tx, s);
  Pairs batch, sum;
  std::string order;  // the letters of contract()'s result: batch, x's free, y's free
  for (size_t i = 0; i < tx.size(); ++i) {
    size_t j = ty.find(tx[i]);
    if (j == std::string::npos) continue;
    Pairs& p = out.find(tx[i]) != std::string::npos ? batch : sum;
    p.x.push_back(static_cast<int64_t>(i));
    p.y.push_back(static_cast<int64_t>(j));
    if (&p == &batch) order += tx[i];
  }
  for (char c : tx)
    if (ty.find(c) == std::string::npos) order += c;
  for (char c : ty)
    if (tx.find(c) == std::string::npos) order += c;
  ValueId r = contract(L, x, y, batch, sum, s);
  return Value::tensor(finish(L, arrange(L, r, order, out, s), boolean, s), s);
}

}  // namespace

void register_linalg(BuiltinTable& t) {
  t.add("matmul(x1, x2)", [](Lowerer& L, const CallArgs& a) {
    return Value::tensor(matmul(L, a.tensor("x1"), a.tensor("x2"), a.span()), a.span());
  });
  t.add("dot(x1, x2)", dot);
  t.add("tensordot(x1, x2, axes=2)", tensordot);
  t.add("batch_dot(x, y, axes=None)", batch_dot);
  t.add("einsum(subscripts, *operands)", einsum);
}

}  // namespace lamina::lower
