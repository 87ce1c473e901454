// Data movement kernels: each output element is one input element or a pad value.

#include <fmt/format.h>

#include "interp/indexing.h"
#include "interp/kernels.h"
#include "ir/slice.h"

namespace lamina::interp {

using ir::Op;

namespace {

Tensor transpose(const ir::Node& n, const Tensor& x, const Dims& dims) {
  Tensor out = Tensor::zeros(x.dtype(), dims);
  std::vector<int64_t> in_strides = strides_of(x.dims());
  for (int64_t i = 0; i < out.size(); ++i) {
    std::vector<int64_t> c = unravel(i, dims);  // out axis k is input axis axes[k]
    int64_t src = 0;
    for (size_t k = 0; k < c.size(); ++k) src += c[k] * in_strides[static_cast<size_t>(n.attrs.axes[k])];
    copy_element(out, i, x, src);
  }
  return out;
}

Tensor broadcast(const Tensor& x, const Dims& dims) {
  Tensor out = Tensor::zeros(x.dtype(), dims);
  BroadcastIndex index(x.dims(), dims);
  for (int64_t i = 0; i < out.size(); ++i) copy_element(out, i, x, index(i));
  return out;
}

Tensor slice(const ir::Node& n, const Tensor& x, const Dims& dims) {
  const ir::Attrs& a = n.attrs;
  std::vector<ir::SliceRange> ranges;
  for (size_t k = 0; k < dims.size(); ++k)
    ranges.push_back(ir::normalize_slice(x.dims()[k], a.starts[k], a.stops[k], a.steps[k]));
  Tensor out = Tensor::zeros(x.dtype(), dims);
  std::vector<int64_t> in_strides = strides_of(x.dims());
  for (int64_t i = 0; i < out.size(); ++i) {
    std::vector<int64_t> c = unravel(i, dims);
    int64_t src = 0;
    for (size_t k = 0; k < c.size(); ++k) src += (ranges[k].start + c[k] * ranges[k].step) * in_strides[k];
    copy_element(out, i, x, src);
  }
  return out;
}

Tensor concat(const ir::Node& n, const std::vector<Tensor>& in, const Dims& dims) {
  Tensor out = Tensor::zeros(in[0].dtype(), dims);
  size_t axis = static_cast<size_t>(n.attrs.axis);
  int64_t outer = product(dims, 0, axis);
  int64_t inner = product(dims, axis + 1, dims.size());
  int64_t dst = 0;
  // Each outer index takes one block from each input in turn.
  for (int64_t o = 0; o < outer; ++o) {
    for (const Tensor& t : in) {
      int64_t block = t.dims()[axis] * inner;
      for (int64_t j = 0; j < block; ++j) copy_element(out, dst++, t, o * block + j);
    }
  }
  return out;
}

Tensor pad(const ir::Node& n, const Tensor& x, const Dims& dims) {
  Tensor out = Tensor::zeros(x.dtype(), dims);
  for (int64_t i = 0; i < out.size(); ++i) out.set_f64(i, n.attrs.a);
  std::vector<int64_t> out_strides = strides_of(dims);
  for (int64_t i = 0; i < x.size(); ++i) {
    std::vector<int64_t> c = unravel(i, x.dims());
    int64_t dst = 0;
    for (size_t k = 0; k < c.size(); ++k) dst += (c[k] + n.attrs.starts[k]) * out_strides[k];
    copy_element(out, dst, x, i);
  }
  return out;
}

}  // namespace

Tensor eval_movement(const ir::Node& n, const std::vector<Tensor>& in, const ir::Type& type) {
  Dims dims = ir::to_dims(type.shape);
  switch (n.op) {
    case Op::Reshape: {
      // The type rule has checked the element counts; values are never
      // modified in place, so the result may share the input's storage.
      if (element_count(dims) != in[0].size())
        throw Error(ErrorKind::Shape,
                    fmt::format("cannot reshape {} into {}", format_dims(in[0].dims()), format_dims(dims)), n.span);
      return in[0].reshaped(dims);
    }
    case Op::Transpose: return transpose(n, in[0], dims);
    case Op::Broadcast: return broadcast(in[0], dims);
    case Op::Slice: return slice(n, in[0], dims);
    case Op::Concat: return concat(n, in, dims);
    case Op::Pad: return pad(n, in[0], dims);
    default: break;
  }
  throw Error(ErrorKind::Internal, fmt::format("{} is not a movement op", ir::op_name(n.op)), n.span);
}

}  // namespace lamina::interp
