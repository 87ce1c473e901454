#pragma once
// Turns a kernel (loop nests over rows and stages) into an LLVM function:
//   void name(char** buffers, int64 row_begin, int64 row_end, int64 batch)
// computing rows [row_begin, row_end). The innermost loop of each stage runs
// 16 lanes at a time, with a masked tail.

#include <llvm/IR/Module.h>

#include "kernel/kernel.h"

namespace lamina::jit {

llvm::Function* emit_kernel(llvm::Module& m, const kernel::Plan& plan, const kernel::Kernel& k);

/// The C signature of an emitted kernel.
using KernelFn = void (*)(void** buffers, int64_t row_begin, int64_t row_end, int64_t batch);

}  // namespace lamina::jit
