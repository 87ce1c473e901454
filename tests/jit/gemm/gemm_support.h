#pragma once
// Shared by the GEMM tests: run a matmul-type lambda through the JIT (which
// computes float products with the GEMM) and the interpreter (the oracle, which
// sums in double) at several batch sizes, and compare.
//
// Tolerance: the GEMM sums k float32 products, so |jit - ref| is at most about
// k · eps32 · Σ|a·b| over the row and column: difftest::reduction(k, magnitude)
// with magnitude the largest |a·b| (values in [-2, 2] give 4).

#include <optional>
#include <string>
#include <vector>

#include "jit/differential/support.h"

namespace lamina::gemmtest {

/// One input: its dtype and shape, nullopt for the batch dim.
struct Operand {
  DType dtype = DType::Float32;
  std::vector<std::optional<int64_t>> shape;
};

/// Compiles `source` once and compares the engines at each batch size, on
/// random values in [-2, 2]. `k` is the summed length (for the tolerance);
/// `tolerance` overrides reduction(k, 4) when the epilogue amplifies errors.
/// Fails the current test case with a report on a mismatch.
void check_against_interpreter(const std::string& source, const std::vector<Operand>& operands, int64_t k,
                               const std::vector<int64_t>& batches = {1, 3, 17, 0},
                               std::optional<difftest::Tolerance> tolerance = std::nullopt);

/// Random inputs for `operands` at `batch` (values in [-2, 2], fixed by seed).
std::vector<Tensor> random_inputs(const std::vector<Operand>& operands, int64_t batch, uint64_t seed);

/// Restores the library's thread count when a test ends, even on failure.
struct ThreadCountGuard {
  int saved;
  ThreadCountGuard();
  ~ThreadCountGuard();
};

}  // namespace lamina::gemmtest
