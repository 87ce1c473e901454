// parallel_for calls the body over every index of [0, n) exactly once, whatever n, grain
// and thread count, and never for an empty range.
#include <atomic>
#include <vector>

#include <catch2/catch.hpp>

#include "runtime/thread_pool.h"

TEST_CASE("parallel_for visits every index exactly once") {
  for (int threads : {1, 2, 3, 8}) {
    lamina::set_num_threads(threads);
    for (int64_t n : {0, 1, 2, 7, 64, 255, 256, 257, 1000, 100003}) {
      for (int64_t grain : {-5, 0, 1, 3, 64, 1000, 200000}) {
        CAPTURE(threads, n, grain);
        std::vector<std::atomic<int>> visits(static_cast<size_t>(n));
        std::atomic<int> bad_ranges{0};
        lamina::parallel_for(n, grain, [&](int64_t begin, int64_t end) {
          if (begin < 0 || end > n || begin >= end) ++bad_ranges;
          for (int64_t i = begin; i < end; ++i) ++visits[i];
        });
        REQUIRE(bad_ranges == 0);
        for (int64_t i = 0; i < n; ++i) REQUIRE(visits[i] == 1);
      }
    }
  }
}

TEST_CASE("parallel_for with the function-pointer interface visits every index once") {
  lamina::set_num_threads(2);
  std::vector<std::atomic<int>> visits(5000);
  lamina::parallel_for(
      5000, 10,
      [](void* ctx, int64_t begin, int64_t end) {
        auto& v = *static_cast<std::vector<std::atomic<int>>*>(ctx);
        for (int64_t i = begin; i < end; ++i) ++v[i];
      },
      &visits);
  for (auto& v : visits) REQUIRE(v == 1);
}

TEST_CASE("parallel_for over zero items never calls the body") {
  lamina::set_num_threads(2);
  int calls = 0;
  lamina::parallel_for(0, 1, [&](int64_t, int64_t) { ++calls; });
  CHECK(calls == 0);
}
