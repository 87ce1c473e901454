#pragma once
// The reference interpreter: runs an IR function node by node on concrete
// tensors. Clear rather than fast — it is the oracle the JIT is tested against.
//
// Numerics: float elementwise math is computed in double and rounded to the
// dtype; sums, products and matmuls accumulate floats in double; integer
// arithmetic wraps; integer // and % follow Python (x // 0 and x % 0 give 0).

#include <vector>

#include "ir/function.h"
#include "lamina/tensor.h"

namespace lamina {

/// Runs `f` on `inputs` (one per f.inputs, in order) with `params` (one per
/// f.params; empty means each param's init value). Returns one new tensor per
/// output (never aliasing an input, param or constant).
/// Throws lamina::Error: kind Runtime when an input does not fit its declared
/// dtype/shape, and the node's own error (at its span) when an op fails on the
/// actual sizes (e.g. two unknown dims that do not broadcast, an index out of range).
std::vector<Tensor> interpret(const ir::Function& f, const std::vector<Tensor>& inputs,
                              const std::vector<Tensor>& params = {});

}  // namespace lamina
