// Leaf values computed from their attributes: Iota and the random generators.

#include "core/random.h"
#include "interp/indexing.h"
#include "interp/kernels.h"

namespace lamina::interp {

Tensor eval_generator(const ir::Node& n, const ir::Type& type) {
  const ir::Attrs& a = n.attrs;
  Dims dims = ir::to_dims(type.shape);
  Tensor out = Tensor::zeros(type.dtype, dims);
  if (n.op == ir::Op::Iota) {
    // Element = its coordinate along `axis`.
    size_t axis = static_cast<size_t>(a.axis);
    int64_t stride = product(dims, axis + 1, dims.size());
    for (int64_t i = 0; i < out.size(); ++i) out.set_i64(i, (i / stride) % dims[axis]);
    return out;
  }
  // Element i of the flattened output depends only on (seed, i): see core/random.h.
  for (int64_t i = 0; i < out.size(); ++i) {
    uint64_t counter = static_cast<uint64_t>(i);
    double v = n.op == ir::Op::RandomNormal ? a.a + a.b * normal(a.seed, counter)
                                            : a.a + (a.b - a.a) * uniform01(a.seed, counter);
    out.set_f64(i, v);
  }
  return out;
}

}  // namespace lamina::interp
