// Reductions and scans: each takes axis=None|int|tuple and keepdims (NumPy rules;
// integer sums keep their integer dtype, bool sums count in int32).

#include <algorithm>
#include <cmath>
#include <limits>

#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Op;
using ir::ValueId;

namespace {

Value tensor(ValueId id, const CallArgs& a) { return Value::tensor(id, a.span()); }

/// sum / prod / max / min over `axis` with `keepdims`.
BuiltinFn plain_reduction(Op op) {
  return [op_for_numbers = op](Lowerer& L, const CallArgs& a) {
    Op op = op_for_numbers;
    ValueId x = a.tensor("x");
    if (L.dtype(x) == DType::Bool) {
      if (op == Op::ReduceMax) op = Op::ReduceAny;  // max of bools is any
      else if (op == Op::ReduceMin) op = Op::ReduceAll;
      else x = L.b().cast(x, DType::Int32, a.span());
    }
    return tensor(L.reduce(op, x, a.axes("axis", L.rank(x)), a.boolean("keepdims"), a.span()), a);
  };
}

ValueId mean(Lowerer& L, ValueId x, const std::vector<int64_t>& axes, bool keepdims, SourceSpan s) {
  x = L.to_float(x, s);
  ValueId sum = L.reduce(Op::ReduceSum, x, axes, keepdims, s);
  return L.b().binary(Op::Div, sum, L.count(x, axes, L.dtype(x), s), s);
}

ValueId variance(Lowerer& L, ValueId x, const std::vector<int64_t>& axes, bool keepdims, SourceSpan s) {
  x = L.to_float(x, s);
  ValueId centred = L.b().binary(Op::Sub, x, mean(L, x, axes, true, s), s);
  return mean(L, L.b().binary(Op::Mul, centred, centred, s), axes, keepdims, s);
}

/// argmax / argmin: axis None flattens first (keras.ops semantics).
BuiltinFn arg_reduction(Op op) {
  return [op](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    if (L.dtype(x) == DType::Bool) x = L.b().cast(x, DType::Int32, a.span());
    ir::Attrs attrs;
    attrs.keepdims = a.boolean("keepdims");
    if (!a.given("axis")) {
      ValueId flat = L.flatten_all(L.rank(x) == 0 ? L.reshape(x, {ir::Dim(1)}, a.span()) : x, a.span());
      attrs.axis = 0;
      ValueId r = L.b().add(op, {flat}, attrs, a.span());
      if (attrs.keepdims) r = L.reshape(r, ir::Shape(static_cast<size_t>(L.rank(x)), ir::Dim(1)), a.span());
      return tensor(r, a);
    }
    attrs.axis = a.axis("axis", L.rank(x));
    return tensor(L.b().add(op, {x}, attrs, a.span()), a);
  };
}

/// cumsum / cumprod: axis None flattens first (NumPy).
BuiltinFn scan(Op op) {
  return [op](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    if (L.dtype(x) == DType::Bool) x = L.b().cast(x, DType::Int32, a.span());
    ir::Attrs attrs;
    if (!a.given("axis")) {
      x = L.flatten_all(L.rank(x) == 0 ? L.reshape(x, {ir::Dim(1)}, a.span()) : x, a.span());
      attrs.axis = 0;
    } else {
      attrs.axis = a.axis("axis", L.rank(x));
    }
    return tensor(L.b().add(op, {x}, attrs, a.span()), a);
  };
}

}  // namespace

void register_reductions(BuiltinTable& t) {
  t.add("sum(x, axis=None, keepdims=False)", plain_reduction(Op::ReduceSum));
  t.add("prod(x, axis=None, keepdims=False)", plain_reduction(Op::ReduceProd));
  t.add("max(x, axis=None, keepdims=False)", plain_reduction(Op::ReduceMax));
  t.add("min(x, axis=None, keepdims=False)", plain_reduction(Op::ReduceMin));
  t.alias("amax", "max");
  t.alias("amin", "min");
  t.add("mean(x, axis=None, keepdims=False)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    return tensor(mean(L, x, a.axes("axis", L.rank(x)), a.boolean("keepdims"), a.span()), a);
  });
  t.add("var(x, axis=None, keepdims=False)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    return tensor(variance(L, x, a.axes("axis", L.rank(x)), a.boolean("keepdims"), a.span()), a);
  });
  t.alias("variance", "var");
  t.add("std(x, axis=None, keepdims=False)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    ValueId v = variance(L, x, a.axes("axis", L.rank(x)), a.boolean("keepdims"), a.span());
    return tensor(L.b().unary(Op::Sqrt, v, a.span()), a);
  });
  t.add("any(x, axis=None, keepdims=False)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = L.to_bool(a.tensor("x"), a.span());
    return tensor(L.reduce(Op::ReduceAny, x, a.axes("axis", L.rank(x)), a.boolean("keepdims"), a.span()), a);
  });
  t.add("all(x, axis=None, keepdims=False)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = L.to_bool(a.tensor("x"), a.span());
    return tensor(L.reduce(Op::ReduceAll, x, a.axes("axis", L.rank(x)), a.boolean("keepdims"), a.span()), a);
  });
  t.add("logsumexp(x, axis=None, keepdims=False)", [](Lowerer& L, const CallArgs& a) {
    SourceSpan s = a.span();
    ValueId x = a.float_tensor("x");
    auto axes = a.axes("axis", L.rank(x));
    bool keepdims = a.boolean("keepdims");
    // m + log(sum(exp(x - m))), with m = max(x) replaced by 0 where it is not finite.
    ValueId mx = L.reduce(Op::ReduceMax, x, axes, true, s);
    Value safe = L.call("where", {Value::tensor(L.b().unary(Op::IsFinite, mx, s), s), Value::tensor(mx, s),
                                  Value::real(0, s)}, s);
    ValueId e = L.b().unary(Op::Exp, L.b().binary(Op::Sub, x, safe.id, s), s);
    ValueId lse = L.b().binary(Op::Add, L.b().unary(Op::Log, L.reduce(Op::ReduceSum, e, axes, true, s), s), safe.id, s);
    if (!keepdims) {
      ir::Shape out;
      for (int i = 0; i < L.rank(x); ++i)
        if (std::find(axes.begin(), axes.end(), i) == axes.end()) out.push_back(L.type(lse).shape[static_cast<size_t>(i)]);
      lse = L.reshape(lse, out, s);
    }
    return tensor(lse, a);
  });
  t.alias("reduce_logsumexp", "logsumexp");
  t.add("argmax(x, axis=None, keepdims=False)", arg_reduction(Op::ArgMax));
  t.add("argmin(x, axis=None, keepdims=False)", arg_reduction(Op::ArgMin));
  t.add("cumsum(x, axis=None)", scan(Op::CumSum));
  t.add("cumprod(x, axis=None)", scan(Op::CumProd));

  // norm(x, ord=2, axis=None, keepdims=False): the vector norm over every reduced axis.
  t.add("norm(x, ord=None, axis=None, keepdims=False)", [](Lowerer& L, const CallArgs& a) {
    SourceSpan s = a.span();
    ValueId x = a.float_tensor("x");
    auto axes = a.axes("axis", L.rank(x));
    bool keepdims = a.boolean("keepdims");
    const Value& ord = a["ord"];
    double p = 2;
    if (ord.kind == Value::Kind::Str && (ord.s == "fro" || ord.s == "euclidean")) p = 2;
    else if (!ord.is_none()) p = a.number("ord");
    if (p == 2) {
      ValueId sq = L.b().binary(Op::Mul, x, x, s);
      return tensor(L.b().unary(Op::Sqrt, L.reduce(Op::ReduceSum, sq, axes, keepdims, s), s), a);
    }
    ValueId ax = L.b().unary(Op::Abs, x, s);
    if (p == 1) return tensor(L.reduce(Op::ReduceSum, ax, axes, keepdims, s), a);
    if (std::isinf(p) && p > 0) {
      // max(|x|, 0): the norm of an empty vector is 0, not the -inf of an empty max.
      Value mx = Value::tensor(L.reduce(Op::ReduceMax, ax, axes, keepdims, s), s);
      return L.binary(Op::Max, mx, Value::integer(0, s), s);
    }
    L.fail(ErrorKind::Value, a.span_of("ord"), "norm() supports ord=1, 2 or inf",
           "for other norms write them out, e.g. sum(abs(x) ** p) ** (1 / p)");
  });
  // l2_normalize(x, axis=-1, epsilon=1e-12) = x * rsqrt(max(sum(x^2, axis), epsilon)), as tf.math.l2_normalize.
  t.add("l2_normalize(x, axis=-1, epsilon=1e-12)", [](Lowerer& L, const CallArgs& a) {
    SourceSpan s = a.span();
    ValueId x = a.float_tensor("x");
    auto axes = a.axes("axis", L.rank(x));
    ValueId sq = L.reduce(Op::ReduceSum, L.b().binary(Op::Mul, x, x, s), axes, true, s);
    Value clamped = L.binary(Op::Max, Value::tensor(sq, s), Value::real(a.number("epsilon"), s), s);
    return tensor(L.b().binary(Op::Mul, x, L.b().unary(Op::Rsqrt, clamped.id, s), s), a);
  });

  // TensorFlow spellings a pasted tf.* body uses.
  t.alias("reduce_sum", "sum");
  t.alias("reduce_prod", "prod");
  t.alias("reduce_max", "max");
  t.alias("reduce_min", "min");
  t.alias("reduce_mean", "mean");
  t.alias("reduce_variance", "var");
  t.alias("reduce_std", "std");
  t.alias("reduce_any", "any");
  t.alias("reduce_all", "all");
}

}  // namespace lamina::lower
