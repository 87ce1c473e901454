// Several host threads may call parallel_for at once, and a body may itself call
// parallel_for (which then runs inline): neither deadlocks or loses work.
#include <atomic>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "runtime/thread_pool.h"

TEST_CASE("host threads calling parallel_for at once each get all their indices") {
  lamina::set_num_threads(3);
  constexpr int kCallers = 4, kCalls = 200;
  constexpr int64_t kN = 3000;
  std::atomic<int> wrong_sums{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < kCallers; ++c) {
    callers.emplace_back([&] {
      for (int call = 0; call < kCalls; ++call) {
        std::atomic<int64_t> sum{0};
        lamina::parallel_for(kN, 16, [&](int64_t begin, int64_t end) {
          int64_t s = 0;
          for (int64_t i = begin; i < end; ++i) s += i;
          sum += s;
        });
        if (sum != kN * (kN - 1) / 2) ++wrong_sums;
      }
    });
  }
  for (auto& t : callers) t.join();
  CHECK(wrong_sums == 0);
}

TEST_CASE("a parallel_for inside a body runs inline on that body's thread") {
  lamina::set_num_threads(2);
  constexpr int64_t kRows = 64, kCols = 100;
  std::vector<std::atomic<int>> visits(kRows * kCols);
  std::atomic<int> inner_on_other_thread{0};
  lamina::parallel_for(kRows, 1, [&](int64_t row_begin, int64_t row_end) {
    const auto outer_thread = std::this_thread::get_id();
    for (int64_t r = row_begin; r < row_end; ++r) {
      lamina::parallel_for(kCols, 1, [&](int64_t begin, int64_t end) {
        if (std::this_thread::get_id() != outer_thread) ++inner_on_other_thread;
        for (int64_t c = begin; c < end; ++c) ++visits[r * kCols + c];
      });
    }
  });
  CHECK(inner_on_other_thread == 0);
  for (auto& v : visits) REQUIRE(v == 1);
}
