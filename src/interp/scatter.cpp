// scatter_add: the adjoint of take_along_axis. Sums accumulate in double
// (integers wrap, as in the other integer kernels), in the updates' C order, and
// are rounded to the dtype once at the end.

#include "interp/indexing.h"
#include "interp/kernels.h"

namespace lamina::interp {

Tensor eval_scatter(const ir::Node& n, const Tensor& updates, const Tensor& idx, const ir::Type& type) {
  Dims out_dims = ir::to_dims(type.shape);
  const Dims& u = updates.dims();
  size_t axis = static_cast<size_t>(n.attrs.axis);
  Tensor out = Tensor::zeros(type.dtype, out_dims);
  BroadcastIndex idx_of(idx.dims(), u);
  std::vector<int64_t> out_strides = strides_of(out_dims);
  bool floats = is_float(type.dtype);
  std::vector<double> sum(floats ? static_cast<size_t>(out.size()) : 0, 0.0);
  std::vector<uint64_t> isum(floats ? 0 : static_cast<size_t>(out.size()), 0);
  for (int64_t i = 0; i < updates.size(); ++i) {
    std::vector<int64_t> c = unravel(i, u);
    c[axis] = checked_index(n, idx.get_i64(idx_of(i)), out_dims[axis]);
    int64_t dst = 0;
    for (size_t k = 0; k < c.size(); ++k) dst += (out_dims[k] == 1 ? 0 : c[k]) * out_strides[k];
    if (floats) sum[static_cast<size_t>(dst)] += updates.get_f64(i);
    else isum[static_cast<size_t>(dst)] += static_cast<uint64_t>(updates.get_i64(i));
  }
  for (int64_t i = 0; i < out.size(); ++i) {
    if (floats) out.set_f64(i, sum[static_cast<size_t>(i)]);
    else out.set_i64(i, static_cast<int64_t>(isum[static_cast<size_t>(i)]));
  }
  return out;
}

}  // namespace lamina::interp
