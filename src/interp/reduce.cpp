// Reductions (sum, prod, max, min, any, all, argmax, argmin) and scans
// (cumsum, cumprod). Float sums and products accumulate in double; integer
// ones wrap. Max/min propagate NaN. Over an empty axis: sum 0, prod 1, max
// -inf (the int minimum), min +inf (the int maximum), any false, all true.

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "interp/indexing.h"
#include "interp/kernels.h"

namespace lamina::interp {

using ir::Op;

namespace {

int64_t int_min(DType t) {
  return t == DType::Int32 ? std::numeric_limits<int32_t>::min() : std::numeric_limits<int64_t>::min();
}
int64_t int_max(DType t) {
  return t == DType::Int32 ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int64_t>::max();
}

double float_step(Op op, double acc, double v) {
  switch (op) {
    case Op::ReduceSum: return acc + v;
    case Op::ReduceProd: return acc * v;
    case Op::ReduceMax: return std::isnan(acc) || std::isnan(v) ? std::numeric_limits<double>::quiet_NaN() : std::max(acc, v);
    default: return std::isnan(acc) || std::isnan(v) ? std::numeric_limits<double>::quiet_NaN() : std::min(acc, v);
  }
}

double float_identity(Op op) {
  switch (op) {
    case Op::ReduceSum: return 0;
    case Op::ReduceProd: return 1;
    case Op::ReduceMax: return -std::numeric_limits<double>::infinity();
    default: return std::numeric_limits<double>::infinity();
  }
}

int64_t int_step(Op op, int64_t acc, int64_t v) {
  auto u = [](int64_t x) { return static_cast<uint64_t>(x); };
  switch (op) {
    case Op::ReduceSum: return static_cast<int64_t>(u(acc) + u(v));
    case Op::ReduceProd: return static_cast<int64_t>(u(acc) * u(v));
    case Op::ReduceMax: return std::max(acc, v);
    case Op::ReduceMin: return std::min(acc, v);
    case Op::ReduceAny: return acc || v;
    default: return acc && v;  // ReduceAll
  }
}

int64_t int_identity(Op op, DType t) {
  switch (op) {
    case Op::ReduceSum: return 0;
    case Op::ReduceProd: return 1;
    case Op::ReduceMax: return int_min(t);
    case Op::ReduceMin: return int_max(t);
    case Op::ReduceAny: return 0;
    default: return 1;  // ReduceAll
  }
}

// First index of the largest (ArgMax) or smallest (ArgMin) value along the
// axis; a NaN counts as the extreme, so the first NaN wins (NumPy).
Tensor arg_extreme(const ir::Node& n, const Tensor& x, const Dims& out_dims) {
  size_t axis = static_cast<size_t>(n.attrs.axis);
  const Dims& d = x.dims();
  int64_t outer = product(d, 0, axis), len = d[axis], inner = product(d, axis + 1, d.size());
  if (len == 0)
    throw Error(ErrorKind::Runtime,
                fmt::format("{} of an empty axis: axis {} of {} has size 0", n.op == Op::ArgMax ? "argmax" : "argmin",
                            axis, format_dims(d)),
                n.span);
  Tensor out = Tensor::zeros(DType::Int32, out_dims);
  bool floats = is_float(x.dtype());
  bool want_max = n.op == Op::ArgMax;
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t j = 0; j < inner; ++j) {
      int64_t base = o * len * inner + j, best = 0;
      for (int64_t k = 1; k < len; ++k) {
        int64_t cur = base + k * inner, top = base + best * inner;
        bool better;
        if (floats) {
          double v = x.get_f64(cur), b = x.get_f64(top);
          if (std::isnan(b)) break;
          better = std::isnan(v) || (want_max ? v > b : v < b);
        } else {
          int64_t v = x.get_i64(cur), b = x.get_i64(top);
          better = want_max ? v > b : v < b;
        }
        if (better) best = k;
      }
      out.set_i64(o * inner + j, best);
    }
  }
  return out;
}

}  // namespace

Tensor eval_reduce(const ir::Node& n, const Tensor& x, const ir::Type& type) {
  Dims out_dims = ir::to_dims(type.shape);
  if (n.op == Op::ArgMax || n.op == Op::ArgMin) return arg_extreme(n, x, out_dims);

  // Each input element maps to its output element as if the reduced axes were
  // size-1 dims broadcast back to the input's shape (the keepdims layout; the
  // flat order is the same without keepdims).
  Dims kept = x.dims();
  for (int64_t a : n.attrs.axes) kept[static_cast<size_t>(a)] = 1;
  BroadcastIndex to_out(kept, x.dims());
  Tensor out = Tensor::zeros(type.dtype, out_dims);
  if (is_float(x.dtype())) {
    std::vector<double> acc(static_cast<size_t>(out.size()), float_identity(n.op));
    for (int64_t i = 0; i < x.size(); ++i) {
      double& a = acc[static_cast<size_t>(to_out(i))];
      a = float_step(n.op, a, x.get_f64(i));
    }
    for (int64_t i = 0; i < out.size(); ++i) out.set_f64(i, acc[static_cast<size_t>(i)]);
  } else {
    std::vector<int64_t> acc(static_cast<size_t>(out.size()), int_identity(n.op, x.dtype()));
    for (int64_t i = 0; i < x.size(); ++i) {
      int64_t& a = acc[static_cast<size_t>(to_out(i))];
      a = int_step(n.op, a, x.get_i64(i));
    }
    for (int64_t i = 0; i < out.size(); ++i) out.set_i64(i, acc[static_cast<size_t>(i)]);
  }
  return out;
}

Tensor eval_scan(const ir::Node& n, const Tensor& x, const ir::Type& type) {
  size_t axis = static_cast<size_t>(n.attrs.axis);
  const Dims& d = x.dims();
  int64_t outer = product(d, 0, axis), len = d[axis], inner = product(d, axis + 1, d.size());
  Op step = n.op == Op::CumSum ? Op::ReduceSum : Op::ReduceProd;
  Tensor out = Tensor::zeros(type.dtype, d);
  bool floats = is_float(x.dtype());
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t j = 0; j < inner; ++j) {
      double facc = float_identity(step);
      int64_t iacc = int_identity(step, x.dtype());
      for (int64_t k = 0; k < len; ++k) {
        int64_t i = (o * len + k) * inner + j;
        if (floats) {
          facc = float_step(step, facc, x.get_f64(i));
          out.set_f64(i, facc);
        } else {
          iacc = int_step(step, iacc, x.get_i64(i));
          out.set_i64(i, iacc);
        }
      }
    }
  }
  return out;
}

}  // namespace lamina::interp
