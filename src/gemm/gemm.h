#pragma once
// Dense matrix products (GEMM) for the JIT: C = op(A) · op(B) in float32 and
// float64, threaded through the library's pool, with an optional epilogue that
// runs on each finished panel of rows of C while it is still in cache.
//
// Matrices are row-major with a leading dimension (elements between rows).
// op(X) is X, or X transposed when its `trans` flag is set: a transposed m×k
// operand is stored as k rows of m (element (i, j) of op(A) at a[j*lda + i]).
//
// Determinism: the output is split into panels whose size depends only on the
// shape of the product, never on the thread count, and each panel is computed
// by one thread with a fixed summation order, so results are bit-identical for
// any thread count. They may differ between builds for different CPUs (see
// LAMINA_NATIVE in CMakeLists.txt) and from a naive loop in the last bits.
//
// Example:
//   // C (2×4) = A (2×3) · B (3×4), all row-major and contiguous
//   lamina::gemm::sgemm(2, 4, 3, a, 3, false, b, 4, false, c, 4);

#include <cstdint>

namespace lamina::gemm {

/// A batch of `count` products of one shape: C_p = op(A_p) · op(B_p), where
/// op(A_p) is m×k, op(B_p) is k×n and C_p is m×n. The C's are stacked: row i of
/// C_p is row p*m + i of c (at c + (p*m + i) * ldc). The caller keeps every
/// pointer valid during the call; A and B are only read, C only written.
template <class T>
struct Product {
  int64_t m = 0, n = 0, k = 0;
  const T* a = nullptr;
  int64_t lda = 0;
  bool trans_a = false;
  const T* b = nullptr;
  int64_t ldb = 0;
  bool trans_b = false;
  T* c = nullptr;
  int64_t ldc = 0;
  int64_t count = 1;
  /// Where A_p and B_p start, in elements from a and b (`count` entries each);
  /// nullptr means every product uses the same matrix (offset 0).
  const int64_t* a_offsets = nullptr;
  const int64_t* b_offsets = nullptr;
};

/// Work run on stacked rows [row_begin, row_end) of C as soon as they are
/// final, on the thread that finished them, once per row over the whole call
/// (also when n or k is 0). It must only touch those rows of C and memory no
/// other panel touches; it must not throw.
struct Epilogue {
  void (*run)(void* ctx, int64_t row_begin, int64_t row_end) = nullptr;
  void* ctx = nullptr;
};

/// Computes every product of `p` (see Product), then, per panel, the epilogue.
/// Sizes must be >= 0 and leading dimensions large enough for the operands.
void gemm(const Product<float>& p, Epilogue epilogue = {});
void gemm(const Product<double>& p, Epilogue epilogue = {});

/// One product C = op(A) · op(B) with C m×n, op(A) m×k, op(B) k×n.
void sgemm(int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, bool trans_a, const float* b,
           int64_t ldb, bool trans_b, float* c, int64_t ldc);
void dgemm(int64_t m, int64_t n, int64_t k, const double* a, int64_t lda, bool trans_a, const double* b,
           int64_t ldb, bool trans_b, double* c, int64_t ldc);

/// How a product is split into parallel tasks: panels of `rows` rows of each C
/// (at most 256) by `cols` columns (all of them, unless there would be fewer
/// than 8 row panels: then fewer than 8 panels, at least 256 columns wide). A
/// function of the shape alone, so the split is the same for any thread count.
struct Partition {
  int64_t rows = 1;
  int64_t cols = 1;
};
Partition partition(int64_t count, int64_t m, int64_t n);

}  // namespace lamina::gemm
