// take(x, idx, axis) and take_along_axis(x, idx, axis). Negative indices count
// from the end; any other out-of-range index is an error at the node's span.

#include <fmt/format.h>

#include "interp/indexing.h"
#include "interp/kernels.h"

namespace lamina::interp {

int64_t checked_index(const ir::Node& n, int64_t index, int64_t size) {
  if (index < -size || index >= size)
    throw Error(ErrorKind::Runtime,
                fmt::format("index {} is out of bounds for axis {} with size {}", index, n.attrs.axis, size), n.span,
                size == 0 ? "the axis is empty, so no index is valid"
                          : fmt::format("valid indices are 0 to {} (or -{} to -1 counting from the end)", size - 1, size));
  return index < 0 ? index + size : index;
}

namespace {

Tensor take(const ir::Node& n, const Tensor& x, const Tensor& idx, const Dims& out_dims) {
  size_t axis = static_cast<size_t>(n.attrs.axis);
  const Dims& d = x.dims();
  int64_t outer = product(d, 0, axis), len = d[axis], inner = product(d, axis + 1, d.size());
  std::vector<int64_t> indices = to_i64(idx);
  for (int64_t& i : indices) i = checked_index(n, i, len);  // every index is checked, as in NumPy
  Tensor out = Tensor::zeros(x.dtype(), out_dims);
  int64_t count = idx.size(), dst = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < count; ++j)
      for (int64_t i = 0; i < inner; ++i)
        copy_element(out, dst++, x, (o * len + indices[static_cast<size_t>(j)]) * inner + i);
  return out;
}

Tensor take_along_axis(const ir::Node& n, const Tensor& x, const Tensor& idx, const Dims& out_dims) {
  size_t axis = static_cast<size_t>(n.attrs.axis);
  const Dims& d = x.dims();
  Tensor out = Tensor::zeros(x.dtype(), out_dims);
  BroadcastIndex idx_of(idx.dims(), out_dims);
  std::vector<int64_t> x_strides = strides_of(d);
  for (int64_t i = 0; i < out.size(); ++i) {
    std::vector<int64_t> c = unravel(i, out_dims);
    c[axis] = checked_index(n, idx.get_i64(idx_of(i)), d[axis]);
    int64_t src = 0;
    for (size_t k = 0; k < c.size(); ++k) src += (d[k] == 1 ? 0 : c[k]) * x_strides[k];
    copy_element(out, i, x, src);
  }
  return out;
}

}  // namespace

Tensor eval_gather(const ir::Node& n, const Tensor& x, const Tensor& idx, const ir::Type& type) {
  Dims out_dims = ir::to_dims(type.shape);
  if (n.op == ir::Op::Gather) return take(n, x, idx, out_dims);
  return take_along_axis(n, x, idx, out_dims);
}

}  // namespace lamina::interp
