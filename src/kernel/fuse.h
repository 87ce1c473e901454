#pragma once
// Fusion: partitions a lambda's IR into loop-nest kernels and reference steps.

#include <optional>
#include <string>

#include "ir/function.h"
#include "kernel/kernel.h"

namespace lamina::kernel {

/// Why a function cannot be planned with a symbolic batch, or nullopt if it can.
/// The plan needs every dim known except the batch (symbol 0), which may only be
/// the leading dim of a value and never broadcasts against a fixed size; a
/// caller that gets a reason compiles for concrete shapes instead.
std::optional<std::string> batch_symbolic_blocker(const ir::Function& f);

/// Builds the plan: elementwise work, broadcasts, transposes, slices,
/// concatenations and reductions over trailing axes fuse into kernels; float
/// matmuls become GEMM steps, with the kernel that consumes their result row
/// by row as their epilogue (kernel/epilogue.h); the rest (integer matmul,
/// gathers, sorts, scans, general reshapes) become single-node steps.
/// Requires !batch_symbolic_blocker(f).
Plan fuse(const ir::Function& f);

}  // namespace lamina::kernel
