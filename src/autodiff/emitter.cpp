// The building blocks of the derivative rules.

#include "autodiff/emitter.h"

#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace lamina::autodiff {

Emitter::Emitter(const ir::Function& forward, ir::Function& out) : forward_(forward), out_(out), builder_(out) {
  for (size_t id = 0; id < forward.nodes.size(); ++id) {
    const ir::Node& n = forward.nodes[id];
    ValueId v = static_cast<ValueId>(id);
    if (n.op == Op::Constant && n.attrs.value.rank() == 0) {
      double value = n.attrs.value.get_f64(0);
      if (!std::isnan(value) && !std::signbit(value)) scalars_.try_emplace({n.attrs.value.dtype(), value}, v);
    }
    else if (auto key = key_of(n.op, n.inputs, n.attrs))
      elementwise_.try_emplace(*key, v);
  }
}

std::optional<Emitter::Key> Emitter::key_of(Op op, const std::vector<ValueId>& inputs, const ir::Attrs& attrs) {
  if (!ir::is_elementwise(op)) return std::nullopt;
  return Key{op, inputs, op == Op::Cast ? attrs.dtype : DType::Float32};
}

ValueId Emitter::add(Op op, std::vector<ValueId> inputs, ir::Attrs attrs) {
  auto key = key_of(op, inputs, attrs);
  if (key)
    if (auto it = elementwise_.find(*key); it != elementwise_.end()) return it->second;
  ValueId v = builder_.add(op, std::move(inputs), std::move(attrs), span_);
  if (key) elementwise_.emplace(std::move(*key), v);
  return v;
}

ValueId Emitter::cast(ValueId x, DType to) {
  if (type(x).dtype == to) return x;
  ir::Attrs a;
  a.dtype = to;
  return add(Op::Cast, {x}, std::move(a));
}

ValueId Emitter::scalar(double value, DType dtype) {
  auto [it, inserted] = scalars_.try_emplace({dtype, value}, -1);
  if (inserted) {
    Tensor t = Tensor::zeros(dtype, {});
    t.set_f64(0, value);
    it->second = builder_.constant(std::move(t), span_);
  }
  return it->second;
}

ValueId Emitter::zeros(const Shape& shape, DType dtype) { return broadcast(scalar(0, dtype), shape); }

ValueId Emitter::dim_value(Dim d) {
  if (d.known()) return scalar(static_cast<double>(d.value()), DType::Int64);
  ir::Attrs a;
  a.shape = {d};
  return cast(add(Op::DimSize, {}, std::move(a)), DType::Int64);
}

ValueId Emitter::iota(Dim size) {
  ir::Attrs a;
  a.shape = {size};
  a.axis = 0;
  a.dtype = DType::Int64;
  return add(Op::Iota, {}, std::move(a));
}

ValueId Emitter::reshape(ValueId x, const Shape& shape, int64_t infer_axis) {
  if (infer_axis < 0 && this->shape(x) == shape) return x;
  ir::Attrs a;
  a.shape = shape;
  a.infer_axis = infer_axis;
  return add(Op::Reshape, {x}, std::move(a));
}

ValueId Emitter::broadcast(ValueId x, const Shape& shape) {
  if (this->shape(x) == shape) return x;
  ir::Attrs a;
  a.shape = shape;
  return add(Op::Broadcast, {x}, std::move(a));
}

ValueId Emitter::transpose(ValueId x, const std::vector<int64_t>& perm) {
  std::vector<int64_t> identity(perm.size());
  std::iota(identity.begin(), identity.end(), 0);
  if (perm == identity) return x;
  ir::Attrs a;
  a.axes = perm;
  return add(Op::Transpose, {x}, std::move(a));
}

ValueId Emitter::slice_axis(ValueId x, size_t axis, int64_t start, int64_t stop, int64_t step) {
  size_t rank = shape(x).size();
  ir::Attrs a;
  a.starts.assign(rank, ir::kSliceAbsentStart);
  a.stops.assign(rank, ir::kSliceAbsentStop);
  a.steps.assign(rank, 1);
  a.starts[axis] = start;
  a.stops[axis] = stop;
  a.steps[axis] = step;
  return add(Op::Slice, {x}, std::move(a));
}

ValueId Emitter::pad_axis(ValueId x, size_t axis, int64_t before, int64_t after, double value) {
  if (before == 0 && after == 0) return x;
  size_t rank = shape(x).size();
  ir::Attrs a;
  a.starts.assign(rank, 0);
  a.stops.assign(rank, 0);
  a.starts[axis] = before;
  a.stops[axis] = after;
  a.a = value;
  return add(Op::Pad, {x}, std::move(a));
}

ValueId Emitter::reduce_sum(ValueId x, const std::vector<int64_t>& axes, bool keepdims) {
  if (axes.empty()) return x;
  ir::Attrs a;
  a.axes = axes;
  a.keepdims = keepdims;
  return add(Op::ReduceSum, {x}, std::move(a));
}

Shape Emitter::keepdims_shape(const Shape& shape, const std::vector<int64_t>& axes) {
  Shape s = shape;
  for (int64_t a : axes) s[static_cast<size_t>(a)] = Dim(1);
  return s;
}

ValueId Emitter::unbroadcast(ValueId g, const Shape& target) {
  const Shape out = shape(g);
  size_t lead = out.size() - target.size();
  std::vector<int64_t> axes;
  for (size_t k = 0; k < out.size(); ++k) {
    if (k < lead) {
      axes.push_back(static_cast<int64_t>(k));
      continue;
    }
    Dim t = target[k - lead], o = out[k];
    if (t == o) continue;
    if (t == Dim(1)) {
      axes.push_back(static_cast<int64_t>(k));
    } else if (!t.known()) {
      throw Error(ErrorKind::Shape,
                  fmt::format("cannot differentiate this broadcast of {} to {}: dimension {} is known only at run "
                              "time, so the gradient cannot tell whether it was broadcast from size 1",
                              ir::format_shape(target), ir::format_shape(out), k - lead),
                  span_, "compile the lambda for concrete shapes to differentiate it");
    }
  }
  if (axes.empty()) return g;
  return reshape(reduce_sum(g, axes, true), target);
}

}  // namespace lamina::autodiff
