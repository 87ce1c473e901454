// Derivatives of data movement: each is the movement's adjoint. A reshape or
// transpose is undone, a broadcast summed back, a slice padded with zeros (or
// scattered, for strides and run-time sizes), a concatenation cut apart, a pad
// sliced off.

#include "autodiff/grad_rules.h"
#include "ir/slice.h"

namespace lamina::autodiff {

namespace {

constexpr int64_t kAbsentStart = ir::kSliceAbsentStart;
constexpr int64_t kAbsentStop = ir::kSliceAbsentStop;

/// The adjoint of slicing axis `d` of a tensor whose size there is `size`: `g`
/// spread back to `size` along `d`, zero where the slice did not look.
ValueId unslice_axis(Emitter& e, ValueId g, size_t d, Dim size, int64_t start, int64_t stop, int64_t step) {
  if (start == kAbsentStart && stop == kAbsentStop && step == 1) return g;
  if (start == kAbsentStart && stop == kAbsentStop && step == -1) return e.reverse(g, d);
  if (size.known() && (step == 1 || step == -1)) {
    ir::SliceRange r = ir::normalize_slice(size.value(), start, stop, step);
    int64_t low = step == 1 ? r.start : r.start - r.length + 1;  // first element taken
    ValueId forward = step == 1 ? g : e.reverse(g, d);
    return e.pad_axis(forward, d, low, size.value() - low - r.length);
  }
  // Strides, or sizes known only at run time: scatter g to the positions the
  // slice took, which are the same slice of 0, 1, ..., size - 1.
  ValueId positions = e.slice_axis(e.iota(size), 0, start, stop, step);
  Shape along(e.shape(g).size(), Dim(1));
  along[d] = e.shape(positions)[0];
  Shape result = e.shape(g);
  result[d] = size;
  ir::Attrs a;
  a.shape = result;
  a.axis = static_cast<int64_t>(d);
  return e.add(Op::ScatterAdd, {g, e.reshape(positions, along)}, std::move(a));
}

ValueId unslice(Emitter& e, const Step& s) {
  const ir::Attrs& a = s.node.attrs;
  const Shape& x = e.shape(s.in(0));
  ValueId g = s.g;
  for (size_t d = 0; d < x.size(); ++d) g = unslice_axis(e, g, d, x[d], a.starts[d], a.stops[d], a.steps[d]);
  return g;
}

/// The part of a concatenation's cotangent that belongs to input i.
ValueId concat_part(Emitter& e, const Step& s, size_t i) {
  size_t axis = static_cast<size_t>(s.node.attrs.axis);
  const std::vector<ValueId>& in = s.node.inputs;
  auto size = [&](size_t j) { return e.shape(in[j])[axis]; };
  bool known_before = true, known_after = true;
  int64_t before = 0, after = 0;
  for (size_t j = 0; j < in.size(); ++j) {
    if (j == i) continue;
    bool& known = j < i ? known_before : known_after;
    int64_t& sum = j < i ? before : after;
    if (size(j).known()) sum += size(j).value();
    else known = false;
  }
  if (known_before && known_after) return e.slice_axis(s.g, axis, before, after > 0 ? -after : kAbsentStop, 1);
  // Offsets known only at run time: gather the positions offset + 0, 1, ..., size - 1.
  ValueId offset = e.scalar(0, DType::Int64);
  for (size_t j = 0; j < i; ++j) offset = e.binary(Op::Add, offset, e.dim_value(size(j)));
  ir::Attrs a;
  a.axis = static_cast<int64_t>(axis);
  return e.add(Op::Gather, {s.g, e.binary(Op::Add, e.iota(size(i)), offset)}, std::move(a));
}

ValueId unpad(Emitter& e, const Step& s) {
  const ir::Attrs& a = s.node.attrs;
  ValueId g = s.g;
  for (size_t d = 0; d < a.starts.size(); ++d) {
    int64_t before = a.starts[d], after = a.stops[d];
    if (before != 0 || after != 0) g = e.slice_axis(g, d, before, after > 0 ? -after : kAbsentStop, 1);
  }
  return g;
}

}  // namespace

void grad_movement(Emitter& e, Step& s) {
  ValueId x = s.in(0);
  switch (s.node.op) {
    case Op::Reshape: return s.give(0, e.reshape(s.g, e.shape(x)));
    case Op::Transpose: {
      const std::vector<int64_t>& perm = s.node.attrs.axes;
      std::vector<int64_t> inverse(perm.size());
      for (size_t k = 0; k < perm.size(); ++k) inverse[static_cast<size_t>(perm[k])] = static_cast<int64_t>(k);
      return s.give(0, e.transpose(s.g, inverse));
    }
    case Op::Broadcast: return s.give(0, e.unbroadcast(s.g, e.shape(x)));
    case Op::Slice: return s.give(0, unslice(e, s));
    case Op::Pad: return s.give(0, unpad(e, s));
    case Op::Concat:
      for (size_t i = 0; i < s.node.inputs.size(); ++i)
        if (s.wants(i)) s.give(i, concat_part(e, s, i));
      return;
    default:
      throw Error(ErrorKind::Internal, "no derivative rule for " + std::string(op_name(s.node.op)), s.node.span);
  }
}

}  // namespace lamina::autodiff
