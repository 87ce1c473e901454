#pragma once
// One block of a matrix product computed by Eigen on the calling thread: the
// only code in Lamina that includes Eigen (block_product.cpp), so that its
// templates, instantiated for the host's instruction set, are never mixed up
// with copies compiled for another (see LAMINA_NATIVE in CMakeLists.txt).

#include <cstdint>

namespace lamina::gemm::detail {

/// C (rows×cols) = op(A) (rows×k) · op(B) (k×cols); pointers already point at
/// the block's first element, layouts as in gemm.h. k == 0 gives zeros.
void block_product(int64_t rows, int64_t cols, int64_t k, const float* a, int64_t lda, bool trans_a, const float* b,
                   int64_t ldb, bool trans_b, float* c, int64_t ldc);
void block_product(int64_t rows, int64_t cols, int64_t k, const double* a, int64_t lda, bool trans_a,
                   const double* b, int64_t ldb, bool trans_b, double* c, int64_t ldc);

}  // namespace lamina::gemm::detail
