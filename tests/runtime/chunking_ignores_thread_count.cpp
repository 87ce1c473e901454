// The split of [0, n) into chunks depends only on n and grain, so per-chunk work (and any
// result combined in chunk order) is bit-identical whatever the thread count.
#include <algorithm>
#include <mutex>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "runtime/thread_pool.h"

namespace {

using Chunks = std::vector<std::pair<int64_t, int64_t>>;

Chunks chunks_seen(int64_t n, int64_t grain) {
  Chunks seen;
  std::mutex mutex;
  lamina::parallel_for(n, grain, [&](int64_t begin, int64_t end) {
    std::lock_guard lock(mutex);
    seen.emplace_back(begin, end);
  });
  std::sort(seen.begin(), seen.end());
  return seen;
}

}  // namespace

TEST_CASE("chunks follow n / grain, sizes differing by at most one") {
  lamina::set_num_threads(4);
  // 10 / 3 = 3 chunks of 10 items: 4, 3, 3.
  CHECK(chunks_seen(10, 3) == Chunks{{0, 4}, {4, 7}, {7, 10}});
  // Fewer items than the grain: one chunk holding them all.
  CHECK(chunks_seen(5, 100) == Chunks{{0, 5}});
  // 1000 items at grain 1 would be 1000 chunks; capped at 256: 232 of 4 items, then 24 of 3.
  const Chunks capped = chunks_seen(1000, 1);
  REQUIRE(capped.size() == 256);
  CHECK(capped[0] == std::pair<int64_t, int64_t>{0, 4});
  CHECK(capped[231] == std::pair<int64_t, int64_t>{924, 928});
  CHECK(capped[232] == std::pair<int64_t, int64_t>{928, 931});
  CHECK(capped[255] == std::pair<int64_t, int64_t>{997, 1000});
  CHECK(lamina::num_chunks(1000, 1) == 256);
  CHECK(lamina::chunk_begin(1000, 1, 232) == 928);
  CHECK(lamina::num_chunks(0, 1) == 0);
}

TEST_CASE("every chunk holds at least grain items") {
  lamina::set_num_threads(3);
  for (int64_t n : {17, 100, 4097, 1 << 20}) {
    for (int64_t grain : {1, 2, 16, 17, 1000}) {
      CAPTURE(n, grain);
      for (auto [begin, end] : chunks_seen(n, grain)) REQUIRE(end - begin >= std::min(n, grain));
    }
  }
}

TEST_CASE("the chunk split is the same for every thread count") {
  for (auto [n, grain] : {std::pair<int64_t, int64_t>{100003, 7}, {1 << 16, 1024}, {999, 1}}) {
    lamina::set_num_threads(1);
    const Chunks one = chunks_seen(n, grain);
    for (int threads : {2, 3, 8}) {
      lamina::set_num_threads(threads);
      CAPTURE(n, grain, threads);
      CHECK(chunks_seen(n, grain) == one);
    }
  }
}

TEST_CASE("a float sum combined in chunk order is bit-identical across thread counts") {
  const int64_t n = 100000, grain = 100;
  std::vector<float> values(n);
  for (int64_t i = 0; i < n; ++i) values[i] = 1.0f / static_cast<float>(i + 1);
  auto sum_with = [&](int threads) {
    lamina::set_num_threads(threads);
    std::vector<float> partial(lamina::num_chunks(n, grain));
    lamina::parallel_for(n, grain, [&](int64_t begin, int64_t end) {
      float s = 0;
      for (int64_t i = begin; i < end; ++i) s += values[i];
      // The chunk's index follows from its start, since the split is fixed.
      int64_t chunk = 0;
      while (lamina::chunk_begin(n, grain, chunk) != begin) ++chunk;
      partial[chunk] = s;
    });
    float total = 0;
    for (float p : partial) total += p;
    return total;
  };
  const float one = sum_with(1);
  for (int threads : {2, 3, 8}) CHECK(sum_with(threads) == one);
}
