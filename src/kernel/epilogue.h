#pragma once
// Epilogue fusion: a kernel that consumes a GEMM's result row by row runs on
// each panel of rows right after the GEMM computes it, inside the same task.

#include "kernel/kernel.h"

namespace lamina::kernel {

/// For each Gemm step, finds the first later kernel that can run as its
/// epilogue and moves it into the step (Gemm::epilogue). A kernel qualifies
/// when its rows are the GEMM result's rows (all dims but the last), it reads
/// the result only within the row it computes, and everything else it reads is
/// ready before the GEMM runs. When that kernel is the result's only reader
/// and reads each element only where it writes the same element of an output
/// of the same shape, the GEMM writes straight into that output
/// (Buffer::alias_of), so the result never has its own memory.
void fuse_epilogues(Plan& plan);

}  // namespace lamina::kernel
