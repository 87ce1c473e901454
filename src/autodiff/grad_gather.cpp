// Derivatives of indexing: the cotangent of a gather is scattered back, added
// up where an element was taken more than once. top_k's values take the
// cotangent to the elements top_k chose (the lower index first among ties).

#include <fmt/format.h>

#include "autodiff/grad_rules.h"

namespace lamina::autodiff {

namespace {

ValueId scatter_add(Emitter& e, ValueId updates, ValueId idx, const Shape& shape, size_t axis) {
  ir::Attrs a;
  a.shape = shape;
  a.axis = static_cast<int64_t>(axis);
  return e.add(Op::ScatterAdd, {updates, idx}, std::move(a));
}

/// take(x, idx, axis): the index dims, flattened into one of length n, are a
/// take_along_axis whose indices broadcast over the other dims.
ValueId take_derivative(Emitter& e, const Step& s) {
  ValueId x = s.in(0), idx = s.in(1);
  const Shape& xs = e.shape(x);
  size_t axis = static_cast<size_t>(s.node.attrs.axis);
  int64_t n = 1;
  bool known = true;
  for (Dim d : e.shape(idx)) {
    if (d.known()) n *= d.value();
    else known = false;
  }
  int64_t infer = known ? -1 : static_cast<int64_t>(axis);
  Shape updates = xs, positions(xs.size(), Dim(1));
  updates[axis] = positions[axis] = Dim(known ? n : 1);
  return scatter_add(e, e.reshape(s.g, updates, infer), e.reshape(idx, positions, infer), xs, axis);
}

}  // namespace

void grad_gather(Emitter& e, Step& s) {
  ValueId x = s.in(0);
  const ir::Attrs& a = s.node.attrs;
  switch (s.node.op) {
    case Op::Gather: return s.give(0, take_derivative(e, s));
    case Op::GatherAlong:
      return s.give(0, scatter_add(e, s.g, s.in(1), e.shape(x), static_cast<size_t>(a.axis)));
    case Op::TopKValues: {
      ir::Attrs k;
      k.index = a.index;
      ValueId chosen = e.add(Op::TopKIndices, {x}, std::move(k));
      return s.give(0, scatter_add(e, s.g, chosen, e.shape(x), e.shape(x).size() - 1));
    }
    case Op::ScatterAdd: {
      ir::Attrs along;
      along.axis = a.axis;
      return s.give(0, e.broadcast(e.add(Op::GatherAlong, {s.g, s.in(1)}, std::move(along)), e.shape(x)));
    }
    default:
      throw Error(ErrorKind::Internal, fmt::format("no derivative rule for {}", op_name(s.node.op)), s.node.span);
  }
}

}  // namespace lamina::autodiff
