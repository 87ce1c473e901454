// top_k along the last axis: values in descending order, the lower index
// first among equal values, NaN larger than everything.

#include <algorithm>
#include <cmath>
#include <numeric>

#include "interp/indexing.h"
#include "interp/kernels.h"

namespace lamina::interp {

Tensor eval_topk(const ir::Node& n, const Tensor& x, const ir::Type& type) {
  Dims out_dims = ir::to_dims(type.shape);
  Tensor out = Tensor::zeros(type.dtype, out_dims);
  int64_t len = x.dims().back(), k = out_dims.back();
  int64_t rows = len == 0 ? product(x.dims(), 0, x.dims().size() - 1) : x.size() / len;
  bool floats = is_float(x.dtype());
  std::vector<int64_t> order(static_cast<size_t>(len));
  for (int64_t r = 0; r < rows; ++r) {
    int64_t base = r * len;
    // Strictly greater, with NaN above every number; stable_sort keeps ties in index order.
    auto greater = [&](int64_t a, int64_t b) {
      if (!floats) return x.get_i64(base + a) > x.get_i64(base + b);
      double va = x.get_f64(base + a), vb = x.get_f64(base + b);
      if (std::isnan(va)) return !std::isnan(vb);
      if (std::isnan(vb)) return false;
      return va > vb;
    };
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), greater);
    for (int64_t j = 0; j < k; ++j) {
      int64_t src = order[static_cast<size_t>(j)];
      if (n.op == ir::Op::TopKIndices) out.set_i64(r * k + j, src);
      else copy_element(out, r * k + j, x, base + src);
    }
  }
  return out;
}

}  // namespace lamina::interp
