// Eigen's GEMM on one block, single-threaded: Lamina threads the blocks itself
// (gemm.cpp), so Eigen's own parallelism stays off.

#define EIGEN_DONT_PARALLELIZE
#include "gemm/block_product.h"

#include <Eigen/Core>

namespace lamina::gemm::detail {
namespace {

template <class T, int Order>
using ConstMap = Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Order>, Eigen::Unaligned,
                            Eigen::OuterStride<>>;

/// C = A · B with A and B viewed in the storage orders that make op() free: a
/// row-major matrix read transposed is the same memory read column-major.
template <class T, int AOrder, int BOrder>
void multiply(int64_t rows, int64_t cols, int64_t k, const T* a, int64_t lda, const T* b, int64_t ldb, T* c,
              int64_t ldc) {
  ConstMap<T, AOrder> lhs(a, rows, k, Eigen::OuterStride<>(lda));
  ConstMap<T, BOrder> rhs(b, k, cols, Eigen::OuterStride<>(ldb));
  Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, Eigen::Unaligned, Eigen::OuterStride<>>
      out(c, rows, cols, Eigen::OuterStride<>(ldc));
  out.noalias() = lhs * rhs;
}

template <class T>
void dispatch(int64_t rows, int64_t cols, int64_t k, const T* a, int64_t lda, bool trans_a, const T* b, int64_t ldb,
              bool trans_b, T* c, int64_t ldc) {
  constexpr int R = Eigen::RowMajor, C = Eigen::ColMajor;
  if (!trans_a && !trans_b) multiply<T, R, R>(rows, cols, k, a, lda, b, ldb, c, ldc);
  else if (!trans_a) multiply<T, R, C>(rows, cols, k, a, lda, b, ldb, c, ldc);
  else if (!trans_b) multiply<T, C, R>(rows, cols, k, a, lda, b, ldb, c, ldc);
  else multiply<T, C, C>(rows, cols, k, a, lda, b, ldb, c, ldc);
}

}  // namespace

void block_product(int64_t rows, int64_t cols, int64_t k, const float* a, int64_t lda, bool trans_a, const float* b,
                   int64_t ldb, bool trans_b, float* c, int64_t ldc) {
  dispatch(rows, cols, k, a, lda, trans_a, b, ldb, trans_b, c, ldc);
}

void block_product(int64_t rows, int64_t cols, int64_t k, const double* a, int64_t lda, bool trans_a,
                   const double* b, int64_t ldb, bool trans_b, double* c, int64_t ldc) {
  dispatch(rows, cols, k, a, lda, trans_a, b, ldb, trans_b, c, ldc);
}

}  // namespace lamina::gemm::detail
