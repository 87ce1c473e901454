// A batch of products reads each A_p and B_p at its offset, so a matrix shared
// by several products (broadcast) is one offset repeated.
#include <catch2/catch.hpp>

#include "gemm/gemm.h"
#include "gemm/reference_product.h"

using namespace lamina;
using namespace lamina::gemmtest;

TEST_CASE("batched products read each operand at its offset", "[gemm]") {
  const int64_t m = 5, n = 7, k = 9, count = 4;
  std::mt19937_64 rng(3);
  // Two A's (used by products 0,1 and 2,3) and four B's, transposed; all stacked.
  Stored<float> as(2 * m, k, 0, rng), bs(4 * n, k, 0, rng);
  int64_t a_offsets[] = {0, 0, m * k, m * k};
  int64_t b_offsets[] = {0, n * k, 2 * n * k, 3 * n * k};
  std::vector<float> c(static_cast<size_t>(count * m * n));
  gemm::Product<float> p{m, n, k, as.data.data(), k, false, bs.data.data(), k, true, c.data(), n, count, a_offsets, b_offsets};
  gemm::gemm(p);
  for (int64_t prod = 0; prod < count; ++prod) {
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        double want = 0;
        for (int64_t t = 0; t < k; ++t)
          want += as.at((prod / 2) * m + i, t, false) * bs.at(t, prod * n + j, true);
        CHECK(std::abs(c[static_cast<size_t>((prod * m + i) * n + j)] - want) <= tolerance<float>(k));
      }
  }
}

TEST_CASE("negative sizes and short leading dimensions are reported", "[gemm]") {
  std::vector<float> x(64);
  CHECK_THROWS_WITH(gemm::sgemm(-1, 2, 2, x.data(), 2, false, x.data(), 2, false, x.data(), 2),
                    Catch::Matchers::Contains("gemm of negative size -1x2x2 (batch 1)"));
  CHECK_THROWS_WITH(gemm::sgemm(2, 4, 3, x.data(), 2, false, x.data(), 4, false, x.data(), 4),
                    Catch::Matchers::Contains("gemm leading dimensions 2, 4, 4 are too small for 2x4x3"));
}
