#pragma once
// The interpreter's kernels: each computes one node's value from its input
// values. `type` is the node's type with every dim known (the output shape).

#include <vector>

#include "ir/function.h"
#include "lamina/tensor.h"

namespace lamina::interp {

/// Evaluates every op except Input, Param, Constant and DimSize (which need
/// the function's bindings and are handled by the interpreter itself).
Tensor evaluate(const ir::Node& n, const std::vector<Tensor>& in, const ir::Type& type);

Tensor eval_generator(const ir::Node& n, const ir::Type& type);  // Iota, Random*
Tensor eval_unary(const ir::Node& n, const Tensor& x, const ir::Type& type);
Tensor eval_binary(const ir::Node& n, const Tensor& a, const Tensor& b, const ir::Type& type);
Tensor eval_select(const ir::Node& n, const std::vector<Tensor>& in, const ir::Type& type);
Tensor eval_cast(const ir::Node& n, const Tensor& x, const ir::Type& type);
Tensor eval_movement(const ir::Node& n, const std::vector<Tensor>& in, const ir::Type& type);
Tensor eval_reduce(const ir::Node& n, const Tensor& x, const ir::Type& type);
Tensor eval_scan(const ir::Node& n, const Tensor& x, const ir::Type& type);
Tensor eval_matmul(const ir::Node& n, const Tensor& a, const Tensor& b, const ir::Type& type);
Tensor eval_gather(const ir::Node& n, const Tensor& x, const Tensor& idx, const ir::Type& type);
Tensor eval_topk(const ir::Node& n, const Tensor& x, const ir::Type& type);
Tensor eval_scatter(const ir::Node& n, const Tensor& updates, const Tensor& idx, const ir::Type& type);

/// `index` into an axis of `size` (negative counts from the end), or a Runtime
/// error at n's span naming n's axis and the valid range.
int64_t checked_index(const ir::Node& n, int64_t index, int64_t size);

}  // namespace lamina::interp
