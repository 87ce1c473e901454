// Derivatives of the reductions. The cotangent of the result is spread back
// over the reduced dims: as it is for a sum, in equal shares over the elements
// that attain a max or min (ties split evenly, as TensorFlow does), and times
// the product of the other elements for a product (computed without division,
// so zeros are exact).

#include <algorithm>

#include <fmt/format.h>

#include "autodiff/grad_rules.h"

namespace lamina::autodiff {

namespace {

/// d prod(x) / dx_i = prod of the other elements, as exclusive products from
/// both ends: reduced axes are moved last and flattened into one of length N,
/// then left_i = x_0 ... x_{i-1} and right_i = x_{i+1} ... x_{N-1}.
ValueId prod_derivative(Emitter& e, const Step& s, ValueId g_kept) {
  ValueId x = s.in(0);
  const Shape& xs = e.shape(x);
  const std::vector<int64_t>& axes = s.node.attrs.axes;
  std::vector<int64_t> perm;
  Shape flat;
  for (size_t k = 0; k < xs.size(); ++k)
    if (std::find(axes.begin(), axes.end(), static_cast<int64_t>(k)) == axes.end()) {
      perm.push_back(static_cast<int64_t>(k));
      flat.push_back(xs[k]);
    }
  int64_t n = 1;
  bool known = true;
  for (int64_t a : axes) {
    perm.push_back(a);
    Dim d = xs[static_cast<size_t>(a)];
    if (d.known()) n *= d.value();
    else known = false;
  }
  size_t last = flat.size();
  flat.push_back(Dim(known ? n : 1));
  ValueId moved = e.transpose(x, perm);
  ValueId rows = e.reshape(moved, flat, known ? -1 : static_cast<int64_t>(last));

  ir::Attrs along;
  along.axis = static_cast<int64_t>(last);
  auto exclusive_products = [&](ValueId v) {  // out_i = v_0 ... v_{i-1}
    ValueId shifted = e.pad_axis(v, last, 1, 0, 1.0);
    return e.slice_axis(e.add(Op::CumProd, {shifted}, along), last, ir::kSliceAbsentStart, -1, 1);
  };
  ValueId left = exclusive_products(rows);
  ValueId right = e.reverse(exclusive_products(e.reverse(rows, last)), last);
  Shape g_shape = flat;
  g_shape[last] = Dim(1);
  ValueId g = e.reshape(g_kept, g_shape);
  ValueId d = e.binary(Op::Mul, e.binary(Op::Mul, left, right), g);
  std::vector<int64_t> inverse(perm.size());
  for (size_t k = 0; k < perm.size(); ++k) inverse[static_cast<size_t>(perm[k])] = static_cast<int64_t>(k);
  return e.transpose(e.reshape(d, e.shape(moved)), inverse);
}

}  // namespace

void grad_reduce(Emitter& e, Step& s) {
  ValueId x = s.in(0);
  const Shape& xs = e.shape(x);
  const std::vector<int64_t>& axes = s.node.attrs.axes;
  DType t = e.type(x).dtype;
  Shape kept = Emitter::keepdims_shape(xs, axes);
  ValueId g = e.reshape(s.g, kept);  // the reduced dims as 1s
  switch (s.node.op) {
    case Op::ReduceSum: return s.give(0, e.broadcast(g, xs));
    case Op::ReduceMax:
    case Op::ReduceMin: {
      ValueId hits = e.cast(e.binary(Op::Eq, x, e.reshape(s.id, kept)), t);
      ValueId share = e.binary(Op::Div, g, e.reduce_sum(hits, axes, true));
      return s.give(0, e.binary(Op::Mul, hits, share));
    }
    case Op::ReduceProd:
      if (axes.empty()) return s.give(0, g);
      return s.give(0, prod_derivative(e, s, g));
    default:
      throw Error(ErrorKind::Internal, fmt::format("no derivative rule for {}", op_name(s.node.op)), s.node.span);
  }
}

}  // namespace lamina::autodiff
