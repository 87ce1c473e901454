// Elementwise kernels: unary and binary math, where(), casts.
// Floats are computed in double and rounded to the dtype when stored; integers
// are computed in int64 with wrapping (via uint64) and wrap again to int32 when
// stored, which gives the same bits as int32 arithmetic.

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "interp/indexing.h"
#include "interp/kernels.h"

namespace lamina::interp {

using ir::Op;

namespace {

// --- float scalar functions --------------------------------------------------

double round_half_even(double x) {
  double r = std::round(x);  // halves away from zero
  if (std::fabs(x - std::trunc(x)) == 0.5) r = 2.0 * std::round(x / 2.0);
  return r;
}

double sigmoid(double x) {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  double e = std::exp(x);  // no overflow for very negative x
  return e / (1.0 + e);
}

double softplus(double x) {
  if (std::isnan(x)) return x;
  return std::max(x, 0.0) + std::log1p(std::exp(-std::fabs(x)));
}

double sign(double x) {
  if (std::isnan(x)) return x;
  return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
}

double unary_float(Op op, double x) {
  switch (op) {
    case Op::Neg: return -x;
    case Op::Abs: return std::fabs(x);
    case Op::Sign: return sign(x);
    case Op::Sqrt: return std::sqrt(x);
    case Op::Rsqrt: return 1.0 / std::sqrt(x);
    case Op::Exp: return std::exp(x);
    case Op::Expm1: return std::expm1(x);
    case Op::Log: return std::log(x);
    case Op::Log1p: return std::log1p(x);
    case Op::Sin: return std::sin(x);
    case Op::Cos: return std::cos(x);
    case Op::Tan: return std::tan(x);
    case Op::Asin: return std::asin(x);
    case Op::Acos: return std::acos(x);
    case Op::Atan: return std::atan(x);
    case Op::Sinh: return std::sinh(x);
    case Op::Cosh: return std::cosh(x);
    case Op::Tanh: return std::tanh(x);
    case Op::Asinh: return std::asinh(x);
    case Op::Acosh: return std::acosh(x);
    case Op::Atanh: return std::atanh(x);
    case Op::Erf: return std::erf(x);
    case Op::Sigmoid: return sigmoid(x);
    case Op::Softplus: return softplus(x);
    case Op::Floor: return std::floor(x);
    case Op::Ceil: return std::ceil(x);
    case Op::Round: return round_half_even(x);
    default: break;
  }
  throw Error(ErrorKind::Internal, fmt::format("{} is not a float function", ir::op_name(op)));
}

// --- integer scalar functions (wrapping) ---------------------------------------

int64_t wrap(uint64_t v) { return static_cast<int64_t>(v); }
uint64_t bits(int64_t v) { return static_cast<uint64_t>(v); }

int64_t unary_int(Op op, int64_t x, DType t) {
  switch (op) {
    case Op::Neg: return wrap(0 - bits(x));
    case Op::Abs: return x < 0 ? wrap(0 - bits(x)) : x;
    case Op::Sign: return x > 0 ? 1 : x < 0 ? -1 : 0;
    case Op::Not: return t == DType::Bool ? !x : ~x;
    default: break;
  }
  throw Error(ErrorKind::Internal, fmt::format("{} is not an integer function", ir::op_name(op)));
}

// Python's floor division and modulo; division by zero gives 0 as in NumPy.
int64_t floor_div(int64_t a, int64_t b) {
  if (b == 0) return 0;
  if (b == -1) return wrap(0 - bits(a));  // INT64_MIN / -1 wraps instead of trapping
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t floor_mod(int64_t a, int64_t b) {
  if (b == 0 || b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

int64_t int_pow(int64_t base, int64_t exponent) {
  uint64_t result = 1, b = bits(base);
  for (uint64_t e = bits(exponent); e > 0; e >>= 1) {  // exponent >= 0 here
    if (e & 1) result *= b;
    b *= b;
  }
  return wrap(result);
}

int64_t binary_int(const ir::Node& n, int64_t a, int64_t b) {
  switch (n.op) {
    case Op::Add: return wrap(bits(a) + bits(b));
    case Op::Sub: return wrap(bits(a) - bits(b));
    case Op::Mul: return wrap(bits(a) * bits(b));
    case Op::FloorDiv: return floor_div(a, b);
    case Op::Mod: return floor_mod(a, b);
    case Op::Pow:
      if (b < 0)
        throw Error(ErrorKind::Runtime, "integers to negative integer powers are not allowed", n.span,
                    "cast the base to float first, e.g. cast(x, \"float32\") ** -1");
      return int_pow(a, b);
    case Op::Max: return std::max(a, b);
    case Op::Min: return std::min(a, b);
    case Op::Eq: return a == b;
    case Op::Ne: return a != b;
    case Op::Lt: return a < b;
    case Op::Le: return a <= b;
    case Op::Gt: return a > b;
    case Op::Ge: return a >= b;
    case Op::And: return a & b;  // on bool (0/1) this is logical
    case Op::Or: return a | b;
    case Op::Xor: return a ^ b;
    default: break;
  }
  throw Error(ErrorKind::Internal, fmt::format("{} is not an integer operation", ir::op_name(n.op)), n.span);
}

// --- float binary functions ------------------------------------------------------

// NumPy's npy_divmod: Python's floor division and modulo for floats.
void float_divmod(double a, double b, double& floordiv, double& mod) {
  mod = std::fmod(a, b);
  if (b == 0) {
    floordiv = a / b;
    return;
  }
  double div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, b);
  }
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
}

double binary_float(Op op, double a, double b) {
  double q, r;
  switch (op) {
    case Op::Add: return a + b;
    case Op::Sub: return a - b;
    case Op::Mul: return a * b;
    case Op::Div: return a / b;
    case Op::FloorDiv: float_divmod(a, b, q, r); return q;
    case Op::Mod: float_divmod(a, b, q, r); return r;
    case Op::Pow: return std::pow(a, b);
    case Op::Atan2: return std::atan2(a, b);
    case Op::Max: return std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : std::max(a, b);
    case Op::Min: return std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : std::min(a, b);
    case Op::Eq: return a == b;
    case Op::Ne: return a != b;
    case Op::Lt: return a < b;
    case Op::Le: return a <= b;
    case Op::Gt: return a > b;
    case Op::Ge: return a >= b;
    default: break;
  }
  throw Error(ErrorKind::Internal, fmt::format("{} is not a float operation", ir::op_name(op)));
}

}  // namespace

Tensor eval_unary(const ir::Node& n, const Tensor& x, const ir::Type& type) {
  Tensor out = Tensor::zeros(type.dtype, ir::to_dims(type.shape));
  bool fx = is_float(x.dtype());
  for (int64_t i = 0; i < out.size(); ++i) {
    switch (n.op) {
      case Op::IsNan: out.set_i64(i, fx && std::isnan(x.get_f64(i))); break;
      case Op::IsInf: out.set_i64(i, fx && std::isinf(x.get_f64(i))); break;
      case Op::IsFinite: out.set_i64(i, !fx || std::isfinite(x.get_f64(i))); break;
      default:
        if (fx) out.set_f64(i, unary_float(n.op, x.get_f64(i)));
        else out.set_i64(i, unary_int(n.op, x.get_i64(i), x.dtype()));
    }
  }
  return out;
}

Tensor eval_binary(const ir::Node& n, const Tensor& a, const Tensor& b, const ir::Type& type) {
  Dims dims = ir::to_dims(type.shape);
  Tensor out = Tensor::zeros(type.dtype, dims);
  BroadcastIndex ia(a.dims(), dims), ib(b.dims(), dims);
  bool floats = is_float(a.dtype());
  for (int64_t i = 0; i < out.size(); ++i) {
    if (floats) out.set_f64(i, binary_float(n.op, a.get_f64(ia(i)), b.get_f64(ib(i))));
    else out.set_i64(i, binary_int(n, a.get_i64(ia(i)), b.get_i64(ib(i))));
  }
  return out;
}

Tensor eval_select(const ir::Node&, const std::vector<Tensor>& in, const ir::Type& type) {
  Dims dims = ir::to_dims(type.shape);
  Tensor out = Tensor::zeros(type.dtype, dims);
  BroadcastIndex ic(in[0].dims(), dims), ia(in[1].dims(), dims), ib(in[2].dims(), dims);
  for (int64_t i = 0; i < out.size(); ++i) {
    if (in[0].get_i64(ic(i))) copy_element(out, i, in[1], ia(i));
    else copy_element(out, i, in[2], ib(i));
  }
  return out;
}

Tensor eval_cast(const ir::Node&, const Tensor& x, const ir::Type& type) {
  // Tensor's converting accessors implement NumPy's casts (float→int truncates,
  // NaN→0 and saturation instead of undefined behaviour; →bool is x != 0).
  Tensor out = Tensor::zeros(type.dtype, x.dims());
  for (int64_t i = 0; i < out.size(); ++i) {
    if (is_float(x.dtype())) out.set_f64(i, x.get_f64(i));
    else out.set_i64(i, x.get_i64(i));
  }
  return out;
}

}  // namespace lamina::interp
