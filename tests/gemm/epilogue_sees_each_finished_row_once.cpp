// The epilogue runs once for every row of C, after the row is final (also when
// the columns are split between tasks, and when n or k is 0), and it runs on
// the same thread count-independent panels: it may rely on them to fuse work.
#include <catch2/catch.hpp>

#include <atomic>

#include <fmt/format.h>

#include "gemm/gemm.h"
#include "gemm/reference_product.h"
#include "runtime/thread_pool.h"

using namespace lamina;
using namespace lamina::gemmtest;

namespace {

/// Records, per row, how often the epilogue saw it and a copy of the row as it saw it.
struct Recorder {
  int64_t n;
  const float* c;
  std::vector<std::atomic<int>> calls;
  std::vector<float> seen;
  Recorder(int64_t rows, int64_t n, const float* c)
      : n(n), c(c), calls(static_cast<size_t>(rows)), seen(static_cast<size_t>(rows * n)) {}
  static void run(void* ctx, int64_t begin, int64_t end) {
    auto* r = static_cast<Recorder*>(ctx);
    for (int64_t i = begin; i < end; ++i) {
      r->calls[static_cast<size_t>(i)]++;
      std::copy(r->c + i * r->n, r->c + (i + 1) * r->n, r->seen.begin() + i * r->n);
    }
  }
};

void check_epilogue(int64_t m, int64_t n, int64_t k, int threads) {
  std::mt19937_64 rng(5);
  Stored<float> a(m, k, 0, rng), b(k, n, 0, rng);
  std::vector<float> c(static_cast<size_t>(m * n));
  Recorder rec(m, n, c.data());
  int saved = num_threads();
  set_num_threads(threads);
  gemm::gemm(gemm::Product<float>{m, n, k, a.data.data(), k, false, b.data.data(), n, false, c.data(), n},
             {&Recorder::run, &rec});
  set_num_threads(saved);
  std::string what = fmt::format("{}x{}x{} on {} threads", m, n, k, threads);
  INFO(what);
  for (int64_t i = 0; i < m; ++i) REQUIRE(rec.calls[static_cast<size_t>(i)] == 1);
  CHECK(rec.seen == c);  // every row was final when the epilogue saw it
}

}  // namespace

TEST_CASE("the epilogue sees each finished row exactly once", "[gemm]") {
  for (int threads : {1, 2, 4}) {
    check_epilogue(1000, 300, 40, threads);  // many row panels
    check_epilogue(7, 3000, 40, threads);    // few rows: the columns are split too
    check_epilogue(600, 1100, 8, threads);   // 3 row panels by 3 column panels
    check_epilogue(50, 0, 10, threads);      // nothing to compute, every row still finished
    check_epilogue(50, 20, 0, threads);      // zeros
  }
}

TEST_CASE("sgemm gives the same bits at 1 2 and 4 threads", "[gemm]") {
  for (auto [m, n, k] : {std::tuple{1000, 300, 200}, std::tuple{7, 3000, 129}, std::tuple{333, 77, 1000}}) {
    std::mt19937_64 rng(9);
    Stored<float> a(m, k, 0, rng), b(n, k, 0, rng);
    std::vector<std::vector<float>> results;
    int saved = num_threads();
    for (int threads : {1, 2, 4}) {
      set_num_threads(threads);
      results.emplace_back(static_cast<size_t>(m * n));
      gemm::sgemm(m, n, k, a.data.data(), k, false, b.data.data(), k, true, results.back().data(), n);
    }
    set_num_threads(saved);
    INFO(fmt::format("{}x{}x{}", m, n, k));
    CHECK(results[0] == results[1]);
    CHECK(results[0] == results[2]);
  }
}
