// The type rule of every IR op: the result dtype and static shape, or a
// user-facing error at the node's source span.

#include "ir/infer_type.h"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "ir/slice.h"

namespace lamina::ir {

namespace {

[[noreturn]] void fail(ErrorKind kind, const Node& n, std::string message, std::string hint = {}) {
  throw Error(kind, std::move(message), n.span, std::move(hint));
}

std::string dim_text(Dim d) {
  std::string s = format_shape({d});  // "(3,)" / "(None,)"
  return s.substr(1, s.size() - 3);
}

std::string list_text(const std::vector<int64_t>& v) {
  return fmt::format("[{}]", fmt::join(v, ", "));
}

void expect_inputs(const Node& n, const std::vector<Type>& in, size_t count) {
  if (in.size() != count)
    fail(ErrorKind::Internal, n,
         fmt::format("{} takes {} input(s) but the node has {}", op_name(n.op), count, in.size()));
}

Shape resolve_shape(const Shape& s, DimContext& ctx) {
  Shape out;
  out.reserve(s.size());
  for (Dim d : s) out.push_back(ctx.resolve(d));
  return out;
}

// a * b for element counts, or a Limit error.
int64_t checked_mul(const Node& n, int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r))
    fail(ErrorKind::Limit, n, "the result of this operation has too many elements");
  return r;
}

int64_t checked_add(const Node& n, int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r))
    fail(ErrorKind::Limit, n, "a dimension of the result of this operation is too large");
  return r;
}

void check_axis(const Node& n, int64_t axis, const Type& t) {
  if (axis < 0 || axis >= t.rank())
    fail(ErrorKind::Axis, n,
         fmt::format("axis {} is out of range for a tensor of rank {} (shape {})", axis, t.rank(),
                     format_shape(t.shape)),
         t.rank() == 0 ? "a scalar has no axes"
                       : fmt::format("valid axes are 0 to {} (or -{} to -1 counting from the end)",
                                     t.rank() - 1, t.rank()));
}

// --- dtype classes -----------------------------------------------------------

std::string cast_hint(DType to) { return fmt::format("convert it first, e.g. cast(x, \"{}\")", dtype_name(to)); }

void expect_float(const Node& n, DType t) {
  if (!is_float(t))
    fail(ErrorKind::Type, n, fmt::format("{} needs a float tensor, got {}", op_name(n.op), dtype_name(t)),
         cast_hint(DType::Float32));
}

void expect_number(const Node& n, DType t) {
  if (!is_float(t) && !is_integer(t))
    fail(ErrorKind::Type, n,
         fmt::format("{} needs an integer or float tensor, got {}", op_name(n.op), dtype_name(t)),
         cast_hint(DType::Int32));
}

void expect_logical(const Node& n, DType t) {
  if (t != DType::Bool && !is_integer(t))
    fail(ErrorKind::Type, n, fmt::format("{} needs a bool or integer tensor, got {}", op_name(n.op), dtype_name(t)),
         "compare the values first, e.g. x > 0");
}

void expect_bool(const Node& n, DType t) {
  if (t != DType::Bool)
    fail(ErrorKind::Type, n, fmt::format("{} needs a bool tensor, got {}", op_name(n.op), dtype_name(t)),
         "compare the values first, e.g. x != 0");
}

void expect_index(const Node& n, DType t) {
  if (!is_integer(t))
    fail(ErrorKind::Type, n, fmt::format("{} needs int32 or int64 indices, got {}", op_name(n.op), dtype_name(t)),
         cast_hint(DType::Int32));
}

// --- broadcasting ------------------------------------------------------------

// One broadcast dimension, or nullopt when two known sizes conflict.
std::optional<Dim> broadcast_dim(Dim a, Dim b, DimContext& ctx) {
  if (a == b) return a;
  if (a.known() && a.value() == 1) return b;
  if (b.known() && b.value() == 1) return a;
  if (a.known() && b.known()) return std::nullopt;
  if (a.known()) return a;  // the symbol must equal a (or be 1) at run time
  if (b.known()) return b;
  return ctx.fresh();       // two different unknowns: either may be 1
}

std::string join_shapes(const std::vector<Shape>& shapes) {
  std::string s;
  for (size_t i = 0; i < shapes.size(); ++i) {
    if (i > 0) s += i + 1 == shapes.size() ? " and " : ", ";
    s += format_shape(shapes[i]);
  }
  return s;
}

Shape broadcast_all(const std::vector<Shape>& shapes, DimContext& ctx, SourceSpan span) {
  size_t rank = 0;
  for (const Shape& s : shapes) rank = std::max(rank, s.size());
  Shape out(rank, Dim(1));
  for (size_t k = 0; k < rank; ++k) {  // output dimension k, right-aligned inputs
    std::optional<Dim> d = Dim(1);
    std::vector<std::string> sizes;
    for (const Shape& s : shapes) {
      size_t offset = rank - s.size();
      if (k < offset) continue;
      Dim x = s[k - offset];
      sizes.push_back(dim_text(x));
      if (d) d = broadcast_dim(*d, x, ctx);
    }
    if (!d)
      throw Error(ErrorKind::Shape, fmt::format("shapes {} cannot be broadcast", join_shapes(shapes)), span,
                  fmt::format("dimension {}: {}; broadcasting needs equal sizes or 1 in each dimension, "
                              "aligning shapes from the right",
                              k, fmt::join(sizes, " vs ")));
    out[k] = *d;
  }
  return out;
}

// --- rules per op group ------------------------------------------------------

Type infer_leaf(const Node& n, const std::vector<Type>& in, DimContext& ctx) {
  expect_inputs(n, in, 0);
  const Attrs& a = n.attrs;
  switch (n.op) {
    case Op::Input:
    case Op::Param:
      return {a.dtype, resolve_shape(a.shape, ctx)};
    case Op::Constant:
      return {a.value.dtype(), to_shape(a.value.dims())};
    case Op::Iota: {
      Type t{a.dtype, resolve_shape(a.shape, ctx)};
      expect_number(n, t.dtype);
      check_axis(n, a.axis, t);
      return t;
    }
    case Op::RandomNormal:
    case Op::RandomUniform: {
      Type t{a.dtype, resolve_shape(a.shape, ctx)};
      expect_float(n, t.dtype);
      return t;
    }
    case Op::DimSize:
      if (a.shape.size() != 1) fail(ErrorKind::Internal, n, "DimSize needs exactly one dimension in its shape");
      return {DType::Int32, {}};
    default:
      break;
  }
  fail(ErrorKind::Internal, n, fmt::format("{} is not a leaf op", op_name(n.op)));
}

Type infer_unary(const Node& n, const std::vector<Type>& in) {
  expect_inputs(n, in, 1);
  Type t = in[0];
  switch (n.op) {
    case Op::Neg:
    case Op::Abs:
    case Op::Sign:
      expect_number(n, t.dtype);
      return t;
    case Op::IsNan:
    case Op::IsInf:
    case Op::IsFinite:
      expect_number(n, t.dtype);
      return {DType::Bool, t.shape};
    case Op::Not:
      expect_logical(n, t.dtype);
      return t;
    default:  // the float functions
      expect_float(n, t.dtype);
      return t;
  }
}

Type infer_binary(const Node& n, const std::vector<Type>& in, DimContext& ctx) {
  expect_inputs(n, in, 2);
  DType t = in[0].dtype;
  if (in[1].dtype != t)
    fail(ErrorKind::Type, n,
         fmt::format("{} needs operands of the same dtype, got {} and {}", op_name(n.op), dtype_name(t),
                     dtype_name(in[1].dtype)),
         fmt::format("cast one of them, e.g. cast(x, \"{}\")", dtype_name(promote(t, in[1].dtype))));
  Shape shape = broadcast_shapes(in[0].shape, in[1].shape, ctx, n.span);
  switch (n.op) {
    case Op::Div:
    case Op::Atan2:
      expect_float(n, t);
      return {t, shape};
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return {DType::Bool, shape};
    case Op::And:
    case Op::Or:
    case Op::Xor:
      expect_logical(n, t);
      return {t, shape};
    default:  // Add Sub Mul Max Min FloorDiv Mod Pow
      expect_number(n, t);
      return {t, shape};
  }
}

Type infer_select(const Node& n, const std::vector<Type>& in, DimContext& ctx) {
  expect_inputs(n, in, 3);
  if (in[0].dtype != DType::Bool)
    fail(ErrorKind::Type, n, fmt::format("the condition of where() must be bool, got {}", dtype_name(in[0].dtype)),
         "compare the values first, e.g. where(x > 0, a, b)");
  if (in[1].dtype != in[2].dtype)
    fail(ErrorKind::Type, n,
         fmt::format("the two branches of where() must have the same dtype, got {} and {}",
                     dtype_name(in[1].dtype), dtype_name(in[2].dtype)),
         "cast one of them to the other's dtype");
  return {in[1].dtype, broadcast_all({in[0].shape, in[1].shape, in[2].shape}, ctx, n.span)};
}

// "(4, -1)": a reshape target with its inferred dimension shown as -1.
std::string reshape_target_text(const Shape& target, int64_t infer_axis) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < target.size(); ++i)
    parts.push_back(static_cast<int64_t>(i) == infer_axis ? "-1" : dim_text(target[i]));
  return fmt::format("({}{})", fmt::join(parts, ", "), parts.size() == 1 ? "," : "");
}

Type infer_reshape(const Node& n, const Type& x, DimContext& ctx) {
  Shape target = resolve_shape(n.attrs.shape, ctx);
  int64_t infer = n.attrs.infer_axis;
  if (infer < -1 || infer >= static_cast<int64_t>(target.size()))
    fail(ErrorKind::Internal, n, fmt::format("reshape infer_axis {} is out of range", infer));
  std::string message = fmt::format("cannot reshape {} into {}", format_shape(x.shape), reshape_target_text(target, infer));

  // Known element counts on both sides, after cancelling symbols that appear
  // on both (the batch dimension kept in place, typically).
  std::map<int, int> symbols;  // symbol -> (count in input) - (count in target)
  int64_t known_in = 1, known_out = 1;
  for (Dim d : x.shape) {
    if (d.known()) known_in = checked_mul(n, known_in, d.value());
    else ++symbols[d.symbol_id()];
  }
  for (size_t i = 0; i < target.size(); ++i) {
    if (static_cast<int64_t>(i) == infer) continue;
    Dim d = target[i];
    if (d.known()) known_out = checked_mul(n, known_out, d.value());
    else --symbols[d.symbol_id()];
  }
  bool all_cancel = std::all_of(symbols.begin(), symbols.end(), [](auto& kv) { return kv.second == 0; });

  if (infer >= 0) {
    // Checked again on concrete shapes (at run time), a -1 the static type already
    // fixed keeps its size: reshape(x, (None, -1)) of an empty batch is (0, 95).
    const Shape& fixed = n.type.shape;
    if (known_out == 0 && known_in == 0 && all_cancel && infer < static_cast<int64_t>(fixed.size()) &&
        fixed.size() == target.size() && fixed[static_cast<size_t>(infer)].known()) {
      target[static_cast<size_t>(infer)] = fixed[static_cast<size_t>(infer)];
      return {x.dtype, target};
    }
    if (known_out == 0)
      fail(ErrorKind::Shape, n, message, "the -1 dimension is ambiguous when another target dimension is 0");
    if (!all_cancel) {
      target[static_cast<size_t>(infer)] = ctx.fresh();
    } else {
      if (known_in % known_out != 0)
        fail(ErrorKind::Shape, n, message,
             fmt::format("{} elements cannot be split evenly into parts of {}", known_in, known_out));
      target[static_cast<size_t>(infer)] = Dim(known_in / known_out);
    }
  } else if (all_cancel && known_in != known_out) {
    fail(ErrorKind::Shape, n, message,
         fmt::format("the input has {} elements but the target shape holds {}", known_in, known_out));
  }
  return {x.dtype, target};
}

Type infer_transpose(const Node& n, const Type& x) {
  const std::vector<int64_t>& axes = n.attrs.axes;
  std::vector<bool> seen(static_cast<size_t>(x.rank()), false);
  bool ok = static_cast<int>(axes.size()) == x.rank();
  for (int64_t a : axes) {
    if (!ok) break;
    if (a < 0 || a >= x.rank() || seen[static_cast<size_t>(a)]) ok = false;
    else seen[static_cast<size_t>(a)] = true;
  }
  if (!ok)
    fail(ErrorKind::Axis, n,
         fmt::format("transpose axes {} are not a permutation of the {} axes of {}", list_text(axes), x.rank(),
                     format_shape(x.shape)),
         fmt::format("give each axis 0 to {} exactly once", x.rank() - 1));
  Shape out;
  for (int64_t a : axes) out.push_back(x.shape[static_cast<size_t>(a)]);
  return {x.dtype, out};
}

Type infer_broadcast(const Node& n, const Type& x, DimContext& ctx) {
  Shape target = resolve_shape(n.attrs.shape, ctx);
  std::string message = fmt::format("cannot broadcast {} to {}", format_shape(x.shape), format_shape(target));
  if (x.rank() > static_cast<int>(target.size()))
    fail(ErrorKind::Shape, n, message, "the target shape has fewer dimensions than the input");
  size_t offset = target.size() - x.shape.size();
  for (size_t i = 0; i < x.shape.size(); ++i) {
    Dim d = x.shape[i], t = target[i + offset];
    if (d.known() && t.known() && d.value() != 1 && d.value() != t.value())
      fail(ErrorKind::Shape, n, message,
           fmt::format("input dimension {} has size {} but the target needs {}; only sizes equal to the "
                       "target or 1 can broadcast",
                       i, d.value(), t.value()));
  }
  return {x.dtype, target};
}

Type infer_slice(const Node& n, const Type& x, DimContext& ctx) {
  const Attrs& a = n.attrs;
  size_t rank = x.shape.size();
  if (a.starts.size() != rank || a.stops.size() != rank || a.steps.size() != rank)
    fail(ErrorKind::Internal, n, fmt::format("Slice needs one start, stop and step per axis of {}", format_shape(x.shape)));
  Shape out;
  for (size_t i = 0; i < rank; ++i) {
    int64_t start = a.starts[i], stop = a.stops[i], step = a.steps[i];
    if (step == 0) fail(ErrorKind::Value, n, "slice step cannot be zero", "use a positive or negative step, e.g. x[::2] or x[::-1]");
    Dim d = x.shape[i];
    if (d.known()) {
      out.push_back(Dim(slice_length(d.value(), start, stop, step)));
    } else {
      bool whole = start == kSliceAbsentStart && stop == kSliceAbsentStop &&
                   (step == 1 || step == -1);
      bool from_zero = start == 0 && stop == kSliceAbsentStop && step == 1;
      out.push_back(whole || from_zero ? d : ctx.fresh());
    }
  }
  return {x.dtype, out};
}

Type infer_concat(const Node& n, const std::vector<Type>& in, DimContext& ctx) {
  if (in.empty())
    fail(ErrorKind::Value, n, "cannot concatenate an empty list of tensors", "give at least one tensor");
  int64_t axis = n.attrs.axis;
  const Type& first = in[0];
  check_axis(n, axis, first);
  Shape out = first.shape;
  bool sum_known = true;
  int64_t sum = 0;
  for (size_t k = 0; k < in.size(); ++k) {
    const Type& t = in[k];
    if (t.dtype != first.dtype)
      fail(ErrorKind::Type, n,
           fmt::format("cannot concatenate tensors of different dtypes: input 0 is {} but input {} is {}",
                       dtype_name(first.dtype), k, dtype_name(t.dtype)),
           "cast them to one dtype first");
    if (t.rank() != first.rank())
      fail(ErrorKind::Shape, n,
           fmt::format("cannot concatenate tensors of different ranks: input 0 has shape {} but input {} has shape {}",
                       format_shape(first.shape), k, format_shape(t.shape)),
           "use expand_dims or reshape to give them the same rank");
    for (size_t i = 0; i < t.shape.size(); ++i) {
      Dim d = t.shape[i];
      if (static_cast<int64_t>(i) == axis) {
        if (d.known()) sum = checked_add(n, sum, d.value());
        else sum_known = false;
        continue;
      }
      Dim& o = out[i];
      if (o.known() && d.known() && o.value() != d.value())
        fail(ErrorKind::Shape, n,
             fmt::format("cannot concatenate along axis {}: input 0 has shape {} but input {} has shape {}", axis,
                         format_shape(first.shape), k, format_shape(t.shape)),
             fmt::format("all dimensions except axis {} must match (dimension {}: {} vs {})", axis, i, o.value(),
                         d.value()));
      if (!o.known() && d.known()) o = d;
    }
  }
  out[static_cast<size_t>(axis)] = sum_known ? Dim(sum) : ctx.fresh();
  return {first.dtype, out};
}

Type infer_pad(const Node& n, const Type& x, DimContext& ctx) {
  const Attrs& a = n.attrs;
  if (a.starts.size() != x.shape.size() || a.stops.size() != x.shape.size())
    fail(ErrorKind::Internal, n, fmt::format("Pad needs one width before and after each axis of {}", format_shape(x.shape)));
  Shape out;
  for (size_t i = 0; i < x.shape.size(); ++i) {
    int64_t before = a.starts[i], after = a.stops[i];
    if (before < 0 || after < 0)
      fail(ErrorKind::Value, n, fmt::format("pad widths must be non-negative, got ({}, {}) for axis {}", before, after, i),
           "use slicing to remove elements");
    Dim d = x.shape[i];
    if (d.known()) out.push_back(Dim(checked_add(n, checked_add(n, d.value(), before), after)));
    else out.push_back(before == 0 && after == 0 ? d : ctx.fresh());
  }
  return {x.dtype, out};
}

Type infer_reduce(const Node& n, const Type& x) {
  const Attrs& a = n.attrs;
  if (n.op == Op::ArgMax || n.op == Op::ArgMin) {
    if (x.dtype != DType::Bool) expect_number(n, x.dtype);
    check_axis(n, a.axis, x);
    Dim d = x.shape[static_cast<size_t>(a.axis)];
    if (d.known() && d.value() == 0)
      fail(ErrorKind::Value, n,
           fmt::format("{} of an empty axis: axis {} of {} has size 0", n.op == Op::ArgMax ? "argmax" : "argmin",
                       a.axis, format_shape(x.shape)),
           "an empty sequence has no largest or smallest element");
    Shape out;
    for (int i = 0; i < x.rank(); ++i) {
      if (i != a.axis) out.push_back(x.shape[static_cast<size_t>(i)]);
      else if (a.keepdims) out.push_back(Dim(1));
    }
    return {DType::Int32, out};
  }
  if (n.op == Op::ReduceAny || n.op == Op::ReduceAll) expect_bool(n, x.dtype);
  else expect_number(n, x.dtype);
  for (size_t k = 0; k < a.axes.size(); ++k) {
    check_axis(n, a.axes[k], x);
    if (k > 0 && a.axes[k] <= a.axes[k - 1])
      fail(ErrorKind::Axis, n, fmt::format("reduction axes {} repeat an axis", list_text(a.axes)),
           "name each axis once");
  }
  Shape out;
  for (int i = 0; i < x.rank(); ++i) {
    bool reduced = std::find(a.axes.begin(), a.axes.end(), i) != a.axes.end();
    if (!reduced) out.push_back(x.shape[static_cast<size_t>(i)]);
    else if (a.keepdims) out.push_back(Dim(1));
  }
  return {x.dtype, out};
}

Type infer_matmul(const Node& n, const std::vector<Type>& in, DimContext& ctx) {
  expect_inputs(n, in, 2);
  const Type& a = in[0];
  const Type& b = in[1];
  std::string operands = fmt::format("{} @ {}", format_shape(a.shape), format_shape(b.shape));
  if (a.rank() < 2 || b.rank() < 2)
    fail(ErrorKind::Shape, n, fmt::format("matmul: {}: both operands need at least 2 dimensions", operands));
  if (a.dtype != b.dtype)
    fail(ErrorKind::Type, n,
         fmt::format("matmul: operands have different dtypes {} and {}", dtype_name(a.dtype), dtype_name(b.dtype)),
         "cast one of them to the other's dtype");
  expect_number(n, a.dtype);
  Dim k1 = a.shape[a.shape.size() - 1], k2 = b.shape[b.shape.size() - 2];
  if (k1.known() && k2.known() && k1.value() != k2.value())
    fail(ErrorKind::Shape, n,
         fmt::format("matmul: {}: contracted dimensions {} and {} differ", operands, k1.value(), k2.value()),
         "the last dimension of the left operand must equal the second-to-last of the right one");
  Shape batch_a(a.shape.begin(), a.shape.end() - 2), batch_b(b.shape.begin(), b.shape.end() - 2);
  Shape out;
  try {
    out = broadcast_shapes(batch_a, batch_b, ctx, n.span);
  } catch (const Error& e) {
    fail(ErrorKind::Shape, n,
         fmt::format("matmul: {}: batch dimensions {} and {} cannot be broadcast", operands, format_shape(batch_a),
                     format_shape(batch_b)),
         e.hint());
  }
  out.push_back(a.shape[a.shape.size() - 2]);
  out.push_back(b.shape[b.shape.size() - 1]);
  return {a.dtype, out};
}

Type infer_gather(const Node& n, const std::vector<Type>& in, DimContext& ctx) {
  expect_inputs(n, in, 2);
  const Type& x = in[0];
  const Type& idx = in[1];
  expect_index(n, idx.dtype);
  int64_t axis = n.attrs.axis;
  check_axis(n, axis, x);
  size_t ax = static_cast<size_t>(axis);
  if (n.op == Op::Gather) {
    Shape out(x.shape.begin(), x.shape.begin() + static_cast<long>(ax));
    out.insert(out.end(), idx.shape.begin(), idx.shape.end());
    out.insert(out.end(), x.shape.begin() + static_cast<long>(ax) + 1, x.shape.end());
    return {x.dtype, out};
  }
  if (idx.rank() != x.rank())
    fail(ErrorKind::Shape, n,
         fmt::format("take_along_axis: indices of shape {} do not have the rank of the tensor {}",
                     format_shape(idx.shape), format_shape(x.shape)),
         "the indices need as many dimensions as the tensor; use expand_dims to add some");
  Shape replaced = x.shape;
  replaced[ax] = idx.shape[ax];
  try {
    return {x.dtype, broadcast_shapes(replaced, idx.shape, ctx, n.span)};
  } catch (const Error& e) {
    fail(ErrorKind::Shape, n,
         fmt::format("take_along_axis: indices of shape {} do not fit the tensor {} outside axis {}",
                     format_shape(idx.shape), format_shape(x.shape), axis),
         e.hint());
  }
}

Type infer_topk(const Node& n, const Type& x) {
  if (x.rank() < 1) fail(ErrorKind::Shape, n, "top_k needs a tensor with at least one dimension, got a scalar");
  expect_number(n, x.dtype);
  int64_t k = n.attrs.index;
  Dim last = x.shape.back();
  if (k < 0) fail(ErrorKind::Value, n, fmt::format("top_k: k must be non-negative, got {}", k));
  if (last.known() && k > last.value())
    fail(ErrorKind::Value, n,
         fmt::format("top_k: k = {} is larger than the last dimension of {} ({})", k, format_shape(x.shape),
                     last.value()),
         fmt::format("k can be at most {}", last.value()));
  Shape out = x.shape;
  out.back() = Dim(k);
  return {n.op == Op::TopKValues ? x.dtype : DType::Int32, out};
}

// ScatterAdd: updates, indices and result have one rank; outside `axis` each
// dim of the result is the updates' or 1, and each index dim the updates' or 1.
Type infer_scatter(const Node& n, const std::vector<Type>& in, DimContext& ctx) {
  expect_inputs(n, in, 2);
  const Type& updates = in[0];
  const Type& idx = in[1];
  expect_number(n, updates.dtype);
  expect_index(n, idx.dtype);
  Type out{updates.dtype, resolve_shape(n.attrs.shape, ctx)};
  check_axis(n, n.attrs.axis, out);
  if (updates.rank() != out.rank() || idx.rank() != out.rank())
    fail(ErrorKind::Shape, n,
         fmt::format("scatter_add: updates {} and indices {} need the rank of the result {}", format_shape(updates.shape),
                     format_shape(idx.shape), format_shape(out.shape)));
  auto fits = [](Dim d, Dim full) { return !d.known() || !full.known() || d.value() == 1 || d == full; };
  for (size_t k = 0; k < out.shape.size(); ++k) {
    bool ok = fits(idx.shape[k], updates.shape[k]) &&
              (static_cast<int64_t>(k) == n.attrs.axis || fits(out.shape[k], updates.shape[k]));
    if (!ok)
      fail(ErrorKind::Shape, n,
           fmt::format("scatter_add: updates {} and indices {} do not fit the result {} in dimension {}",
                       format_shape(updates.shape), format_shape(idx.shape), format_shape(out.shape), k),
           "indices and result dims (but the result's along the axis) must equal the updates' or be 1");
  }
  return out;
}

}  // namespace

Shape broadcast_shapes(const Shape& a, const Shape& b, DimContext& ctx, SourceSpan span) {
  return broadcast_all({a, b}, ctx, span);
}

Type infer_type(const Node& n, const std::vector<Type>& in, DimContext& ctx) {
  switch (op_group(n.op)) {
    case OpGroup::Leaf:
      return infer_leaf(n, in, ctx);
    case OpGroup::Unary:
      return infer_unary(n, in);
    case OpGroup::Binary:
      return infer_binary(n, in, ctx);
    case OpGroup::Select:
      return infer_select(n, in, ctx);
    case OpGroup::Cast:
      expect_inputs(n, in, 1);
      return {n.attrs.dtype, in[0].shape};
    case OpGroup::Movement:
      if (n.op == Op::Concat) return infer_concat(n, in, ctx);
      expect_inputs(n, in, 1);
      switch (n.op) {
        case Op::Reshape: return infer_reshape(n, in[0], ctx);
        case Op::Transpose: return infer_transpose(n, in[0]);
        case Op::Broadcast: return infer_broadcast(n, in[0], ctx);
        case Op::Slice: return infer_slice(n, in[0], ctx);
        case Op::Pad: return infer_pad(n, in[0], ctx);
        default: break;
      }
      break;
    case OpGroup::Reduce:
      expect_inputs(n, in, 1);
      return infer_reduce(n, in[0]);
    case OpGroup::Scan:
      expect_inputs(n, in, 1);
      expect_number(n, in[0].dtype);
      check_axis(n, n.attrs.axis, in[0]);
      return in[0];
    case OpGroup::Contract:
      return infer_matmul(n, in, ctx);
    case OpGroup::Gather:
      return infer_gather(n, in, ctx);
    case OpGroup::Sort:
      expect_inputs(n, in, 1);
      return infer_topk(n, in[0]);
    case OpGroup::Scatter:
      return infer_scatter(n, in, ctx);
  }
  fail(ErrorKind::Internal, n, fmt::format("no type rule for {}", op_name(n.op)));
}

}  // namespace lamina::ir
