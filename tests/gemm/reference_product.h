#pragma once
// A naive double-precision product to check the GEMM against, and matrices
// stored with padding between rows (filled with NaN, so a read outside the
// operand poisons the result).

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace lamina::gemmtest {

/// A rows×cols row-major matrix with leading dimension ld >= cols; the padding is NaN.
template <class T>
struct Stored {
  int64_t rows, cols, ld;
  std::vector<T> data;
  Stored(int64_t r, int64_t c, int64_t pad, std::mt19937_64& rng)
      : rows(r), cols(c), ld(c + pad), data(static_cast<size_t>(r * (c + pad)), std::numeric_limits<T>::quiet_NaN()) {
    std::uniform_real_distribution<double> u(-2, 2);
    for (int64_t i = 0; i < r; ++i)
      for (int64_t j = 0; j < c; ++j) data[static_cast<size_t>(i * ld + j)] = static_cast<T>(u(rng));
  }
  /// Element (i, j) of op(this): the transpose when `trans`.
  double at(int64_t i, int64_t j, bool trans) const {
    return static_cast<double>(trans ? data[static_cast<size_t>(j * ld + i)] : data[static_cast<size_t>(i * ld + j)]);
  }
};

/// op(A) · op(B) in double, m×n row-major.
template <class T>
std::vector<double> reference_product(int64_t m, int64_t n, int64_t k, const Stored<T>& a, bool ta, const Stored<T>& b,
                                      bool tb) {
  std::vector<double> c(static_cast<size_t>(m * n), 0.0);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double s = 0;
      for (int64_t t = 0; t < k; ++t) s += a.at(i, t, ta) * b.at(t, j, tb);
      c[static_cast<size_t>(i * n + j)] = s;
    }
  return c;
}

/// The float32/float64 summation bound for k terms of magnitude <= 4.
template <class T>
double tolerance(int64_t k) {
  return 4.0 * static_cast<double>(k + 1) * std::numeric_limits<T>::epsilon();
}

}  // namespace lamina::gemmtest
