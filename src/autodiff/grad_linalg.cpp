// Derivative of matmul: for C = A @ B, dA = g @ Bᵀ and dB = Aᵀ @ g (transposing
// the last two dims), each summed back over the batch dims it was broadcast in.

#include <numeric>

#include "autodiff/grad_rules.h"

namespace lamina::autodiff {

namespace {

/// v with its last two dims swapped.
ValueId swap_last(Emitter& e, ValueId v) {
  std::vector<int64_t> perm(e.shape(v).size());
  std::iota(perm.begin(), perm.end(), 0);
  std::swap(perm[perm.size() - 1], perm[perm.size() - 2]);
  return e.transpose(v, perm);
}

/// v summed over the batch dims an operand of shape `operand` was broadcast in.
/// The matrix dims are left alone: they are equal at run time even when one of
/// the two is a run-time size.
ValueId unbroadcast_batch(Emitter& e, ValueId v, const Shape& operand) {
  Shape target = operand;
  const Shape& vs = e.shape(v);
  target[target.size() - 2] = vs[vs.size() - 2];
  target[target.size() - 1] = vs[vs.size() - 1];
  return e.unbroadcast(v, target);
}

}  // namespace

void grad_linalg(Emitter& e, Step& s) {
  ValueId a = s.in(0), b = s.in(1);
  if (s.wants(0)) s.give(0, unbroadcast_batch(e, e.binary(Op::MatMul, s.g, swap_last(e, b)), e.shape(a)));
  if (s.wants(1)) s.give(1, unbroadcast_batch(e, e.binary(Op::MatMul, swap_last(e, a), s.g), e.shape(b)));
}

}  // namespace lamina::autodiff
