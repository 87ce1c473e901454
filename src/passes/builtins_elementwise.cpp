// Elementwise math, comparisons and logic (keras.ops names and aliases).

#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Op;
using ir::ValueId;

namespace {

Value tensor(ValueId id, const CallArgs& a) { return Value::tensor(id, a.span()); }

/// f(x) computed in floating point (ints and bools become float32 first).
BuiltinFn float_unary(Op op) {
  return [op](Lowerer& L, const CallArgs& a) { return tensor(L.float_unary(op, a.tensor("x"), a.span()), a); };
}

/// f(x1, x2) with NumPy broadcasting and weak scalars.
BuiltinFn binary(Op op) {
  return [op](Lowerer& L, const CallArgs& a) { return L.binary(op, a["x1"], a["x2"], a.span()); };
}

/// Integers stay as they are (floor(3) is 3); floats go through `op`.
BuiltinFn integral_identity(Op op) {
  return [op](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    if (!is_float(L.dtype(x))) return tensor(x, a);
    return tensor(L.b().unary(op, x, a.span()), a);
  };
}

ValueId logical(Lowerer& L, Op op, const CallArgs& a) {
  ValueId x = L.to_bool(a.tensor("x1"), a.span()), y = L.to_bool(a.tensor("x2"), a.span());
  return L.b().binary(op, x, y, a.span());
}

}  // namespace

void register_elementwise(BuiltinTable& t) {
  struct FloatOp { const char* name; Op op; };
  for (FloatOp f : {FloatOp{"sqrt", Op::Sqrt}, {"rsqrt", Op::Rsqrt}, {"exp", Op::Exp}, {"expm1", Op::Expm1},
                    {"log", Op::Log}, {"log1p", Op::Log1p}, {"sin", Op::Sin}, {"cos", Op::Cos}, {"tan", Op::Tan},
                    {"arcsin", Op::Asin}, {"arccos", Op::Acos}, {"arctan", Op::Atan}, {"sinh", Op::Sinh},
                    {"cosh", Op::Cosh}, {"tanh", Op::Tanh}, {"arcsinh", Op::Asinh}, {"arccosh", Op::Acosh},
                    {"arctanh", Op::Atanh}, {"erf", Op::Erf}})
    t.add(fmt::format("{}(x)", f.name), float_unary(f.op));
  t.alias("asin", "arcsin");
  t.alias("acos", "arccos");
  t.alias("atan", "arctan");
  t.alias("asinh", "arcsinh");
  t.alias("acosh", "arccosh");
  t.alias("atanh", "arctanh");

  // log2 / log10 as a scaled natural log.
  t.add("log2(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = L.float_unary(Op::Log, a.tensor("x"), a.span());
    return L.binary(Op::Mul, tensor(x, a), Value::real(std::numbers::log2e, a.span()), a.span());
  });
  t.add("log10(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = L.float_unary(Op::Log, a.tensor("x"), a.span());
    return L.binary(Op::Mul, tensor(x, a), Value::real(std::numbers::log10e, a.span()), a.span());
  });

  t.add("abs(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    return tensor(L.dtype(x) == DType::Bool ? x : L.b().unary(Op::Abs, x, a.span()), a);
  });
  t.alias("absolute", "abs");
  t.add("negative(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    if (L.dtype(x) == DType::Bool) x = L.b().cast(x, DType::Int32, a.span());
    return tensor(L.b().unary(Op::Neg, x, a.span()), a);
  });
  t.add("sign(x)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    return tensor(L.dtype(x) == DType::Bool ? x : L.b().unary(Op::Sign, x, a.span()), a);
  });
  t.add("square(x)", [](Lowerer& L, const CallArgs& a) {
    Value x = tensor(a.tensor("x"), a);
    return L.binary(Op::Mul, x, x, a.span());
  });
  t.add("reciprocal(x)", [](Lowerer& L, const CallArgs& a) {
    return L.binary(Op::Div, Value::real(1.0, a.span()), tensor(a.tensor("x"), a), a.span());
  });
  t.add("floor(x)", integral_identity(Op::Floor));
  t.add("ceil(x)", integral_identity(Op::Ceil));
  t.add("round(x, decimals=0)", [](Lowerer& L, const CallArgs& a) {
    ValueId x = a.tensor("x");
    int64_t d = a.integer("decimals");
    DType dt = L.dtype(x);
    if (!is_float(dt) && (d >= 0 || dt == DType::Bool)) return tensor(x, a);
    if (d == 0) return tensor(L.b().unary(Op::Round, x, a.span()), a);
    // NumPy: scale by 10**|d| (up for d > 0, down for d < 0), round half to even, scale
    // back. Integers go through float64 and return to their dtype: np.round(55, -1) is 60.
    ValueId xf = is_float(dt) ? x : L.b().cast(x, DType::Float64, a.span());
    Value scale = Value::real(std::pow(10.0, static_cast<double>(d < 0 ? -d : d)), a.span());
    Op there = d > 0 ? Op::Mul : Op::Div, back = d > 0 ? Op::Div : Op::Mul;
    Value scaled = L.binary(there, tensor(xf, a), scale, a.span());
    Value r = L.binary(back, tensor(L.b().unary(Op::Round, scaled.id, a.span()), a), scale, a.span());
    return is_float(dt) ? r : tensor(L.b().cast(r.id, dt, a.span()), a);
  });

  t.add("add(x1, x2)", binary(Op::Add));
  t.add("subtract(x1, x2)", binary(Op::Sub));
  t.add("multiply(x1, x2)", binary(Op::Mul));
  t.add("divide(x1, x2)", binary(Op::Div));
  t.alias("true_divide", "divide");
  t.add("floor_divide(x1, x2)", binary(Op::FloorDiv));
  t.add("mod(x1, x2)", binary(Op::Mod));
  t.alias("floormod", "mod");
  t.alias("remainder", "mod");
  t.add("power(x1, x2)", binary(Op::Pow));
  t.alias("pow", "power");
  t.add("maximum(x1, x2)", binary(Op::Max));
  t.add("minimum(x1, x2)", binary(Op::Min));
  t.add("arctan2(x1, x2)", binary(Op::Atan2));
  t.alias("atan2", "arctan2");

  t.add("equal(x1, x2)", binary(Op::Eq));
  t.add("not_equal(x1, x2)", binary(Op::Ne));
  t.add("greater(x1, x2)", binary(Op::Gt));
  t.add("greater_equal(x1, x2)", binary(Op::Ge));
  t.add("less(x1, x2)", binary(Op::Lt));
  t.add("less_equal(x1, x2)", binary(Op::Le));

  t.add("logical_and(x1, x2)", [](Lowerer& L, const CallArgs& a) { return tensor(logical(L, Op::And, a), a); });
  t.add("logical_or(x1, x2)", [](Lowerer& L, const CallArgs& a) { return tensor(logical(L, Op::Or, a), a); });
  t.add("logical_xor(x1, x2)", [](Lowerer& L, const CallArgs& a) { return tensor(logical(L, Op::Xor, a), a); });
  t.add("logical_not(x)", [](Lowerer& L, const CallArgs& a) {
    return tensor(L.b().unary(Op::Not, L.to_bool(a.tensor("x"), a.span()), a.span()), a);
  });
  t.add("isnan(x)", [](Lowerer& L, const CallArgs& a) { return tensor(L.b().unary(Op::IsNan, a.tensor("x"), a.span()), a); });
  t.add("isinf(x)", [](Lowerer& L, const CallArgs& a) { return tensor(L.b().unary(Op::IsInf, a.tensor("x"), a.span()), a); });
  t.add("isfinite(x)", [](Lowerer& L, const CallArgs& a) {
    return tensor(L.b().unary(Op::IsFinite, a.tensor("x"), a.span()), a);
  });

  t.add("where(condition, x1=None, x2=None)", [](Lowerer& L, const CallArgs& a) {
    if (!a.given("x1") || !a.given("x2"))
      L.fail(ErrorKind::Call, a.span(), "where() needs three arguments: where(condition, x1, x2)",
             "where(condition) alone gives a shape known only at run time, which Lamina does not allow");
    ValueId c = L.to_bool(a.tensor("condition"), a.span_of("condition"));
    DType d = L.result_dtype(a["x1"], a["x2"]);
    return tensor(L.b().add(Op::Select, {c, L.as_dtype(a["x1"], d), L.as_dtype(a["x2"], d)}, {}, a.span()), a);
  });

  t.add("clip(x, x_min=None, x_max=None, min_value=None, max_value=None)", [](Lowerer& L, const CallArgs& a) {
    Value x = tensor(a.tensor("x"), a);
    const Value& lo = a.given("x_min") ? a["x_min"] : a["min_value"];
    const Value& hi = a.given("x_max") ? a["x_max"] : a["max_value"];
    if (!lo.is_none()) x = L.binary(Op::Max, x, lo, a.span());
    if (!hi.is_none()) x = L.binary(Op::Min, x, hi, a.span());
    return x;
  });
  t.add("clip_by_value(t, clip_value_min, clip_value_max)", [](Lowerer& L, const CallArgs& a) {
    Value x = L.binary(Op::Max, tensor(a.tensor("t"), a), a["clip_value_min"], a.span());
    return L.binary(Op::Min, x, a["clip_value_max"], a.span());
  });

  t.add("cast(x, dtype)", [](Lowerer& L, const CallArgs& a) {
    auto d = a.dtype("dtype");
    if (!d) L.fail(ErrorKind::Call, a.span_of("dtype"), "cast() needs a dtype", "e.g. cast(x, \"int32\")");
    return tensor(L.b().cast(a.tensor("x"), *d, a.span()), a);
  });
  t.add("identity(x)", [](Lowerer&, const CallArgs& a) { return tensor(a.tensor("x"), a); });
}

}  // namespace lamina::lower
