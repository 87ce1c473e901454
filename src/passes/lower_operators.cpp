// Operators: Python semantics on compile-time scalars, NumPy semantics with
// weak Python scalars on tensors (a Python scalar never upcasts a tensor).

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "passes/lowerer.h"

namespace lamina::lower {

using ast::Operator;
using ir::Op;
using ir::ValueId;

namespace {

Op ir_op(Operator op) {
  switch (op) {
    case Operator::Add: return Op::Add;
    case Operator::Sub: return Op::Sub;
    case Operator::Mul: return Op::Mul;
    case Operator::Div: return Op::Div;
    case Operator::FloorDiv: return Op::FloorDiv;
    case Operator::Mod: return Op::Mod;
    case Operator::Pow: return Op::Pow;
    case Operator::Eq: return Op::Eq;
    case Operator::Ne: return Op::Ne;
    case Operator::Lt: return Op::Lt;
    case Operator::Le: return Op::Le;
    case Operator::Gt: return Op::Gt;
    case Operator::Ge: return Op::Ge;
    case Operator::BitAnd: return Op::And;
    case Operator::BitOr: return Op::Or;
    case Operator::BitXor: return Op::Xor;
    default: return Op::Add;  // MatMul, And, Or, unary operators are handled before
  }
}

bool is_comparison(Op op) {
  return op == Op::Eq || op == Op::Ne || op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge;
}
bool is_bitwise(Op op) { return op == Op::And || op == Op::Or || op == Op::Xor; }

/// How the user wrote `op`: "operator '+'" or, for ops only reachable by a call, "maximum()".
std::string spelling(Op op) {
  switch (op) {
    case Op::Add: return "operator '+'";
    case Op::Sub: return "operator '-'";
    case Op::Mul: return "operator '*'";
    case Op::Div: return "operator '/'";
    case Op::FloorDiv: return "operator '//'";
    case Op::Mod: return "operator '%'";
    case Op::Pow: return "operator '**'";
    case Op::Eq: return "operator '=='";
    case Op::Ne: return "operator '!='";
    case Op::Lt: return "operator '<'";
    case Op::Le: return "operator '<='";
    case Op::Gt: return "operator '>'";
    case Op::Ge: return "operator '>='";
    case Op::And: return "operator '&'";
    case Op::Or: return "operator '|'";
    case Op::Xor: return "operator '^'";
    case Op::Max: return "maximum()";
    case Op::Min: return "minimum()";
    case Op::Atan2: return "arctan2()";
    default: return fmt::format("operation {}", op_name(op));
  }
}

double as_double(const Value& v) { return v.kind == Value::Kind::Float ? v.f : static_cast<double>(v.i); }

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

double python_mod(double a, double b) {
  double r = std::fmod(a, b);
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

}  // namespace

/// Python arithmetic on two compile-time scalars.
static Value fold(const Lowerer& l, Op op, const Value& a, const Value& b, SourceSpan span) {
  bool ints = a.kind != Value::Kind::Float && b.kind != Value::Kind::Float;
  bool bools = a.kind == Value::Kind::Bool && b.kind == Value::Kind::Bool;
  double x = as_double(a), y = as_double(b);
  auto integer = [&](int64_t v) { return Value::integer(v, span); };
  // Python ints are unbounded; Lamina's are 64-bit, so an overflow is an error, not a wrap.
  auto checked = [&](bool overflowed, int64_t v) {
    if (overflowed)
      l.fail(ErrorKind::Value, span, "this integer constant expression overflows 64 bits",
             "use floats for very large constants, e.g. 2.0 ** 64");
    return integer(v);
  };
  auto real = [&](double v) { return Value::real(v, span); };
  auto boolean = [&](bool v) { return Value::boolean(v, span); };
  if (is_comparison(op)) {
    switch (op) {
      case Op::Eq: return boolean(ints ? a.i == b.i : x == y);
      case Op::Ne: return boolean(ints ? a.i != b.i : x != y);
      case Op::Lt: return boolean(ints ? a.i < b.i : x < y);
      case Op::Le: return boolean(ints ? a.i <= b.i : x <= y);
      case Op::Gt: return boolean(ints ? a.i > b.i : x > y);
      default: return boolean(ints ? a.i >= b.i : x >= y);
    }
  }
  if (is_bitwise(op)) {
    if (!ints) l.fail(ErrorKind::Type, span, "bitwise operators need integers or booleans, not floats");
    int64_t r = op == Op::And ? (a.i & b.i) : op == Op::Or ? (a.i | b.i) : (a.i ^ b.i);
    return bools ? boolean(r != 0) : integer(r);
  }
  if ((op == Op::FloorDiv || op == Op::Mod || op == Op::Div) && y == 0)
    l.fail(ErrorKind::Value, span, "division by zero in a constant expression");
  switch (op) {
    case Op::Add: {
      if (!ints) return real(x + y);
      int64_t r = 0;
      bool overflowed = __builtin_add_overflow(a.i, b.i, &r);
      return checked(overflowed, r);
    }
    case Op::Sub: {
      if (!ints) return real(x - y);
      int64_t r = 0;
      bool overflowed = __builtin_sub_overflow(a.i, b.i, &r);
      return checked(overflowed, r);
    }
    case Op::Mul: {
      if (!ints) return real(x * y);
      int64_t r = 0;
      bool overflowed = __builtin_mul_overflow(a.i, b.i, &r);
      return checked(overflowed, r);
    }
    case Op::Div: return real(x / y);
    case Op::FloorDiv:
      if (ints && b.i == -1) {
        int64_t r = 0;
        bool overflowed = __builtin_sub_overflow(int64_t{0}, a.i, &r);
        return checked(overflowed, r);
      }
      if (ints) return integer(floor_div(a.i, b.i));
      return real(std::floor(x / y));
    case Op::Mod:
      if (ints) return integer(b.i == -1 ? 0 : a.i - floor_div(a.i, b.i) * b.i);
      return real(python_mod(x, y));
    case Op::Pow:
      if (ints && b.i >= 0) {
        if (a.i == 0 || a.i == 1) return integer(b.i == 0 ? 1 : a.i);
        if (a.i == -1) return integer((b.i & 1) ? -1 : 1);
        int64_t r = 1;
        bool overflowed = false;
        for (int64_t i = 0; i < b.i && !overflowed; ++i) overflowed = __builtin_mul_overflow(r, a.i, &r);
        return checked(overflowed, r);
      }
      return real(std::pow(x, y));
    case Op::Max: return ints ? integer(std::max(a.i, b.i)) : real(std::isnan(x) || std::isnan(y) ? NAN : std::max(x, y));
    case Op::Min: return ints ? integer(std::min(a.i, b.i)) : real(std::isnan(x) || std::isnan(y) ? NAN : std::min(x, y));
    case Op::Atan2: return real(std::atan2(x, y));
    default: l.fail(ErrorKind::Internal, span, "cannot fold this operator");
  }
}

ValueId Lowerer::scalar(double value, DType dtype, SourceSpan span) {
  Tensor t = Tensor::zeros(dtype, {});
  if (is_float(dtype)) t.set_f64(0, value);
  else t.set_i64(0, static_cast<int64_t>(value));
  return b_.constant(t, span);
}

/// A weak Python scalar as a constant of `dtype`, checking that an int fits.
static ValueId weak_constant(Lowerer& l, const Value& v, DType dtype) {
  Tensor t = Tensor::zeros(dtype, {});
  if (is_float(dtype)) {
    t.set_f64(0, as_double(v));
  } else if (v.kind == Value::Kind::Float) {
    l.fail(ErrorKind::Internal, v.span, "float constant for an integer tensor");
  } else {
    if (dtype == DType::Int32 && (v.i > std::numeric_limits<int32_t>::max() || v.i < std::numeric_limits<int32_t>::min()))
      l.fail(ErrorKind::Value, v.span, fmt::format("the constant {} does not fit in int32", v.i),
             "cast the tensor to int64 first, e.g. cast(x, \"int64\")");
    t.set_i64(0, dtype == DType::Bool ? (v.i != 0) : v.i);
  }
  return l.b().constant(t, v.span);
}

ValueId Lowerer::to_tensor(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Tensor: return v.id;
    case Value::Kind::Int: {
      bool fits32 = v.i >= std::numeric_limits<int32_t>::min() && v.i <= std::numeric_limits<int32_t>::max();
      return weak_constant(*this, v, fits32 ? DType::Int32 : DType::Int64);
    }
    case Value::Kind::Float: return weak_constant(*this, v, DType::Float32);
    case Value::Kind::Bool: return weak_constant(*this, v, DType::Bool);
    case Value::Kind::Dim: {
      ir::Attrs attrs;
      attrs.shape = {v.dim};
      return b_.add(Op::DimSize, {}, attrs, v.span);
    }
    case Value::Kind::Tuple:
    case Value::Kind::List: {
      if (v.items.empty()) return b_.constant(Tensor::zeros(DType::Float32, {0}), v.span);
      // A list of Python scalars is one constant: float32 if any is a float, else int32 (bool if all are).
      bool all_scalars = std::all_of(v.items.begin(), v.items.end(), [](const Value& i) { return i.is_scalar(); });
      if (all_scalars) {
        bool any_float = false, all_bool = true, fits32 = true;
        for (const Value& i : v.items) {
          any_float |= i.kind == Value::Kind::Float;
          all_bool &= i.kind == Value::Kind::Bool;
          fits32 &= i.kind != Value::Kind::Int || (i.i >= std::numeric_limits<int32_t>::min() && i.i <= std::numeric_limits<int32_t>::max());
        }
        DType d = any_float ? DType::Float32 : all_bool ? DType::Bool : fits32 ? DType::Int32 : DType::Int64;
        Tensor t = Tensor::zeros(d, {static_cast<int64_t>(v.items.size())});
        for (size_t k = 0; k < v.items.size(); ++k) {
          const Value& i = v.items[k];
          if (is_float(d)) t.set_f64(static_cast<int64_t>(k), as_double(i));
          else t.set_i64(static_cast<int64_t>(k), i.i);
        }
        return b_.constant(t, v.span);
      }
      std::vector<ValueId> parts;
      for (const Value& item : v.items) parts.push_back(expand_dims(to_tensor(item), 0, item.span.valid() ? item.span : v.span));
      // Python scalars in a list take the list's common dtype weakly: [1, 2.5] is float32.
      return concat(parts, 0, v.span);
    }
    default:
      fail(ErrorKind::Type, v.span, fmt::format("expected a tensor, but this is {}", describe(v, f_)));
  }
}

ValueId Lowerer::to_float(ValueId x, SourceSpan span) {
  return is_float(dtype(x)) ? x : b_.cast(x, DType::Float32, span);
}

ValueId Lowerer::to_bool(ValueId x, SourceSpan span) {
  if (dtype(x) == DType::Bool) return x;
  return b_.binary(Op::Ne, x, scalar(0, dtype(x), span), span);
}

std::pair<ValueId, ValueId> Lowerer::promote_pair(ValueId a, ValueId b, SourceSpan span) {
  DType d = promote(dtype(a), dtype(b));
  return {b_.cast(a, d, span), b_.cast(b, d, span)};
}

ValueId Lowerer::float_unary(Op op, ValueId x, SourceSpan span) { return b_.unary(op, to_float(x, span), span); }

ValueId Lowerer::select(ValueId c, ValueId a, ValueId b, SourceSpan span) {
  auto [x, y] = promote_pair(a, b, span);
  return b_.add(Op::Select, {to_bool(c, span), x, y}, {}, span);
}

Value Lowerer::binary(Operator op, const Value& a, const Value& b, SourceSpan span) {
  if (op == Operator::MatMul) return call("matmul", {a, b}, span);
  if (op == Operator::And || op == Operator::Or) {
    // `and` / `or` between tensors: elementwise logic on their truth values.
    ValueId x = to_bool(to_tensor(a), span), y = to_bool(to_tensor(b), span);
    return Value::tensor(b_.binary(op == Operator::And ? Op::And : Op::Or, x, y, span), span);
  }
  // Tuple arithmetic on compile-time sequences: shape(x)[:1] + (4,), (1,) * 3.
  if (a.is_sequence() && b.is_sequence() && op == Operator::Add) {
    std::vector<Value> items = a.items;
    items.insert(items.end(), b.items.begin(), b.items.end());
    return Value::sequence(a.kind, std::move(items), span);
  }
  if (a.is_sequence() && b.kind == Value::Kind::Int && op == Operator::Mul && !a.items.empty() &&
      !a.items[0].is_tensor()) {
    constexpr int64_t kMaxItems = 1 << 16;  // compile-time tuples stay small
    if (b.i > 0 && static_cast<int64_t>(a.items.size()) > kMaxItems / b.i)
      fail(ErrorKind::Limit, span, fmt::format("this tuple would have more than {} items", kMaxItems));
    std::vector<Value> items;
    for (int64_t i = 0; i < b.i; ++i) items.insert(items.end(), a.items.begin(), a.items.end());
    return Value::sequence(a.kind, std::move(items), span);
  }
  return binary(ir_op(op), a, b, span);
}

DType Lowerer::result_dtype(const Value& a, const Value& b) {
  if (a.is_scalar() && b.is_scalar()) {
    if (a.kind == Value::Kind::Float || b.kind == Value::Kind::Float) return DType::Float32;
    if (a.kind == Value::Kind::Int || b.kind == Value::Kind::Int) return DType::Int32;
    return DType::Bool;
  }
  if (!a.is_scalar() && !b.is_scalar()) return promote(dtype(to_tensor(a)), dtype(to_tensor(b)));
  DType t = dtype(to_tensor(a.is_scalar() ? b : a));
  Value::Kind k = (a.is_scalar() ? a : b).kind;
  if (k == Value::Kind::Float && !is_float(t)) return DType::Float32;
  if (k == Value::Kind::Int && t == DType::Bool) return DType::Int32;
  return t;
}

ValueId Lowerer::as_dtype(const Value& v, DType dtype) {
  if (v.is_scalar()) return weak_constant(*this, v, dtype);
  return b_.cast(to_tensor(v), dtype, v.span);
}

Value Lowerer::binary(Op op, const Value& a, const Value& b, SourceSpan span) {
  if (a.is_scalar() && b.is_scalar()) return fold(*this, op, a, b, span);
  for (const Value* v : {&a, &b})
    if (!v->is_tensor() && !v->is_scalar() && v->kind != Value::Kind::Dim && !v->is_sequence())
      fail(ErrorKind::Type, v->span.valid() ? v->span : span,
           fmt::format("{} cannot take {}", spelling(op), describe(*v, f_)));
  // Sequences and run-time dims become tensors once, here.
  if (a.is_sequence() || a.kind == Value::Kind::Dim) return binary(op, Value::tensor(to_tensor(a), a.span), b, span);
  if (b.is_sequence() || b.kind == Value::Kind::Dim) return binary(op, a, Value::tensor(to_tensor(b), b.span), span);

  std::optional<DType> d = result_dtype(a, b);

  // Op-specific dtype rules.
  if (op == Op::Div || op == Op::Atan2) {
    if (!is_float(*d)) d = DType::Float32;
  } else if (is_bitwise(op)) {
    if (is_float(*d))
      fail(ErrorKind::Type, span,
           fmt::format("operator '{}' needs bool or integer tensors, not {}", op == Op::And ? "&" : op == Op::Or ? "|" : "^",
                       dtype_name(*d)),
           "to combine conditions, compare first, e.g. (x > 0) & (y > 0)");
  } else if (!is_comparison(op) && *d == DType::Bool) {
    if (op == Op::Max) op = Op::Or;
    else if (op == Op::Min) op = Op::And;
    else d = DType::Int32;
  }
  if (op == Op::Pow && is_integer(*d)) {
    const Value& e = b;
    if ((e.kind == Value::Kind::Int && e.i < 0))
      fail(ErrorKind::Value, span, "integers to negative integer powers are not allowed",
           "use a float exponent or cast first, e.g. cast(x, \"float32\") ** -1");
  }
  ValueId ta = as_dtype(a, *d);
  // x ** 2 and x ** 1 by a constant exponent are exact as products, and far cheaper than pow.
  if (op == Op::Pow && b.is_scalar() && !a.is_scalar()) {
    double e = b.kind == Value::Kind::Float ? b.f : static_cast<double>(b.i);
    if (e == 1) return Value::tensor(ta, span);
    if (e == 2) return Value::tensor(b_.binary(Op::Mul, ta, ta, span), span);
  }
  ValueId tb = as_dtype(b, *d);
  return Value::tensor(b_.binary(op, ta, tb, span), span);
}

Value Lowerer::unary(const ast::Expr& e) {
  Value x = expr(*e.args.at(0));
  switch (e.op) {
    case Operator::Pos:
      if (x.is_scalar() || x.is_tensor()) return x;
      break;
    case Operator::Neg:
      if (x.kind == Value::Kind::Float) return Value::real(-x.f, e.span);
      if (x.kind == Value::Kind::Int || x.kind == Value::Kind::Bool) return Value::integer(-x.i, e.span);
      if (x.is_tensor() || x.kind == Value::Kind::Dim) {
        ValueId t = to_tensor(x);
        if (dtype(t) == DType::Bool) t = b_.cast(t, DType::Int32, e.span);
        return Value::tensor(b_.unary(Op::Neg, t, e.span), e.span);
      }
      break;
    case Operator::Not:
      if (x.is_scalar()) return Value::boolean(x.kind == Value::Kind::Float ? x.f == 0 : x.i == 0, e.span);
      if (x.is_tensor()) return Value::tensor(b_.unary(Op::Not, to_bool(x.id, e.span), e.span), e.span);
      break;
    case Operator::Invert:
      if (x.kind == Value::Kind::Bool) return Value::boolean(!x.i, e.span);
      if (x.kind == Value::Kind::Int) return Value::integer(~x.i, e.span);
      if (x.is_tensor()) {
        if (is_float(dtype(x.id)))
          fail(ErrorKind::Type, e.span, fmt::format("operator '~' needs a bool or integer tensor, not {}", dtype_name(dtype(x.id))),
               "for a logical not of a condition use ~(x > 0) or logical_not(...)");
        return Value::tensor(b_.unary(Op::Not, x.id, e.span), e.span);
      }
      break;
    default: break;
  }
  fail(ErrorKind::Type, e.span,
       fmt::format("unary '{}' cannot take {}", ast::operator_spelling(e.op), describe(x, f_)));
}

Value Lowerer::conditional(const ast::Expr& e) {
  // args = {then, cond, else}
  Value c = expr(*e.args.at(1));
  if (c.is_scalar() || c.is_none()) {
    bool truth = c.is_none() ? false : c.kind == Value::Kind::Float ? c.f != 0 : c.i != 0;
    return expr(*e.args.at(truth ? 0 : 2));
  }
  Value a = expr(*e.args.at(0));
  Value b = expr(*e.args.at(2));
  return call("where", {c, a, b}, e.span);
}

}  // namespace lamina::lower
