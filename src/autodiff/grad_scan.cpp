// Derivatives of the prefix scans along one axis.
//
// cumsum: dL/dx_j = sum over i >= j of g_i, a cumsum from the far end.
// cumprod: dL/dx_j = sum over i >= j of g_i · y_i / x_j where x_j != 0, which
// is exact there even when a later element is 0. At the first zero z of a row
// the division is undefined; there dL/dx_z = sum over i >= z of g_i · y'_i, y'
// the cumprod with x_z replaced by 1. Elements after the first zero get 0: every
// product they appear in also holds x_z.

#include <fmt/format.h>

#include "autodiff/grad_rules.h"

namespace lamina::autodiff {

namespace {

ValueId scan(Emitter& e, Op op, ValueId v, size_t axis) {
  ir::Attrs a;
  a.axis = static_cast<int64_t>(axis);
  return e.add(op, {v}, std::move(a));
}

/// sum over i >= j of v_i along `axis`.
ValueId suffix_sum(Emitter& e, ValueId v, size_t axis) {
  return e.reverse(scan(e, Op::CumSum, e.reverse(v, axis), axis), axis);
}

ValueId cumprod_derivative(Emitter& e, const Step& s, size_t axis) {
  ValueId x = s.in(0), y = s.id, g = s.g;
  DType t = e.type(x).dtype;
  ValueId zero = e.scalar(0, t), one = e.scalar(1, t);
  ValueId nonzero_part = e.binary(Op::Div, suffix_sum(e, e.binary(Op::Mul, g, y), axis), x);
  ValueId is_zero = e.binary(Op::Eq, x, zero);
  ValueId zeros_so_far = scan(e, Op::CumSum, e.cast(is_zero, t), axis);
  ValueId first_zero = e.binary(Op::And, is_zero, e.binary(Op::Eq, zeros_so_far, one));
  ValueId y_without = scan(e, Op::CumProd, e.select(first_zero, one, x), axis);
  ValueId first_zero_part = suffix_sum(e, e.binary(Op::Mul, g, y_without), axis);
  return e.select(is_zero, e.select(first_zero, first_zero_part, zero), nonzero_part);
}

}  // namespace

void grad_scan(Emitter& e, Step& s) {
  size_t axis = static_cast<size_t>(s.node.attrs.axis);
  switch (s.node.op) {
    case Op::CumSum: return s.give(0, suffix_sum(e, s.g, axis));
    case Op::CumProd: return s.give(0, cumprod_derivative(e, s, axis));
    default:
      throw Error(ErrorKind::Internal, fmt::format("no derivative rule for {}", op_name(s.node.op)), s.node.span);
  }
}

}  // namespace lamina::autodiff
