// sgemm and dgemm give op(A)·op(B) for every combination of transposed
// operands, at odd sizes, with rows of the operands and the result padded
// (leading dimensions wider than the matrices).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "gemm/gemm.h"
#include "gemm/reference_product.h"

using namespace lamina;
using namespace lamina::gemmtest;

namespace {

template <class T>
void check_product(int64_t m, int64_t n, int64_t k, bool ta, bool tb) {
  std::mt19937_64 rng(static_cast<uint64_t>(m * 10007 + n * 101 + k * 3 + ta * 2 + tb));
  Stored<T> a(ta ? k : m, ta ? m : k, 3, rng), b(tb ? n : k, tb ? k : n, 5, rng);
  int64_t ldc = n + 2;
  std::vector<T> c(static_cast<size_t>(m * ldc), T(-7));  // the padding must keep its -7
  if constexpr (sizeof(T) == 4) gemm::sgemm(m, n, k, a.data.data(), a.ld, ta, b.data.data(), b.ld, tb, c.data(), ldc);
  else gemm::dgemm(m, n, k, a.data.data(), a.ld, ta, b.data.data(), b.ld, tb, c.data(), ldc);
  std::vector<double> want = reference_product(m, n, k, a, ta, b, tb);
  int bad = 0;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < ldc; ++j) {
      double got = static_cast<double>(c[static_cast<size_t>(i * ldc + j)]);
      bool ok = j < n ? std::abs(got - want[static_cast<size_t>(i * n + j)]) <= tolerance<T>(k) : got == -7;
      if (!ok && bad++ < 3)
        FAIL_CHECK(fmt::format("{}x{}x{} trans_a={} trans_b={}: C({}, {}) = {}, expected {}", m, n, k, ta, tb, i, j, got,
                               j < n ? want[static_cast<size_t>(i * n + j)] : -7.0));
    }
}

}  // namespace

TEST_CASE("sgemm matches a naive product for every transpose combination", "[gemm]") {
  for (bool ta : {false, true})
    for (bool tb : {false, true})
      for (int64_t m : {1, 3, 17, 65, 300})
        for (int64_t n : {1, 17, 65, 600})
          for (int64_t k : {1, 3, 65}) check_product<float>(m, n, k, ta, tb);
}

TEST_CASE("dgemm matches a naive product for every transpose combination", "[gemm]") {
  for (bool ta : {false, true})
    for (bool tb : {false, true})
      for (int64_t m : {1, 17, 300})
        for (int64_t n : {3, 65, 600})
          for (int64_t k : {1, 17, 129}) check_product<double>(m, n, k, ta, tb);
}

TEST_CASE("a product over an empty inner dimension is zero", "[gemm]") {
  std::vector<float> c(12, std::numeric_limits<float>::quiet_NaN());
  gemm::sgemm(3, 4, 0, nullptr, 0, false, nullptr, 4, false, c.data(), 4);
  for (float x : c) CHECK(x == 0.0f);
}

TEST_CASE("a product with no rows or no columns writes nothing", "[gemm]") {
  std::vector<double> c(4, 5.0);
  std::vector<double> a(8, 1.0), b(8, 1.0);
  gemm::dgemm(0, 4, 2, a.data(), 2, false, b.data(), 4, false, c.data(), 4);
  gemm::dgemm(2, 0, 4, a.data(), 4, false, b.data(), 1, false, c.data(), 1);
  for (double x : c) CHECK(x == 5.0);
}
