// NumPy matmul on rank >= 2 with broadcast batch dimensions. Floats accumulate
// in double; integers wrap.

#include "interp/indexing.h"
#include "interp/kernels.h"

namespace lamina::interp {

Tensor eval_matmul(const ir::Node&, const Tensor& a, const Tensor& b, const ir::Type& type) {
  Dims out_dims = ir::to_dims(type.shape);
  Tensor out = Tensor::zeros(type.dtype, out_dims);
  const Dims& ad = a.dims();
  const Dims& bd = b.dims();
  int64_t m = ad[ad.size() - 2], k = ad[ad.size() - 1], n = bd[bd.size() - 1];
  Dims batch(out_dims.begin(), out_dims.end() - 2);
  BroadcastIndex a_batch(Dims(ad.begin(), ad.end() - 2), batch);
  BroadcastIndex b_batch(Dims(bd.begin(), bd.end() - 2), batch);
  int64_t batches = product(batch, 0, batch.size());
  bool floats = is_float(a.dtype());
  std::vector<double> af, bf;
  std::vector<int64_t> ai, bi;
  if (floats) af = to_f64(a), bf = to_f64(b);
  else ai = to_i64(a), bi = to_i64(b);
  for (int64_t p = 0; p < batches; ++p) {
    int64_t a0 = a_batch(p) * m * k, b0 = b_batch(p) * k * n, o0 = p * m * n;
    for (int64_t i = 0; i < m; ++i) {
      for (int64_t j = 0; j < n; ++j) {
        double fsum = 0;
        uint64_t isum = 0;
        for (int64_t t = 0; t < k; ++t) {
          size_t ia = static_cast<size_t>(a0 + i * k + t), ib = static_cast<size_t>(b0 + t * n + j);
          if (floats) fsum += af[ia] * bf[ib];
          else isum += static_cast<uint64_t>(ai[ia]) * static_cast<uint64_t>(bi[ib]);
        }
        if (floats) out.set_f64(o0 + i * n + j, fsum);
        else out.set_i64(o0 + i * n + j, static_cast<int64_t>(isum));
      }
    }
  }
  return out;
}

}  // namespace lamina::interp
