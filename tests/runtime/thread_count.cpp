// The host sets the thread count; workers are persistent and the caller takes part.
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "lamina/error.h"
#include "runtime/thread_pool.h"

namespace {

/// Runs a 2-chunk parallel_for whose chunks each wait (up to 10 s) until both have started,
/// so they must run on two different threads; returns the ids of the threads that ran them.
std::set<std::thread::id> threads_running_two_chunks() {
  std::atomic<int> started{0};
  std::set<std::thread::id> ids;
  std::mutex mutex;
  lamina::parallel_for(2, 1, [&](int64_t, int64_t) {
    {
      std::lock_guard lock(mutex);
      ids.insert(std::this_thread::get_id());
    }
    ++started;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (started < 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  });
  return ids;
}

}  // namespace

TEST_CASE("set_num_threads sets the count, and 0 means one per core") {
  lamina::set_num_threads(3);
  CHECK(lamina::num_threads() == 3);
  lamina::set_num_threads(1);
  CHECK(lamina::num_threads() == 1);
  lamina::set_num_threads(0);
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  CHECK(lamina::num_threads() == (cores == 0 ? 1 : std::min(cores, 1024)));
}

TEST_CASE("with one thread every chunk runs on the caller") {
  lamina::set_num_threads(1);
  std::set<std::thread::id> ids;
  lamina::parallel_for(1000, 1, [&](int64_t, int64_t) { ids.insert(std::this_thread::get_id()); });
  CHECK(ids == std::set{std::this_thread::get_id()});
}

TEST_CASE("with two threads the caller and one persistent worker share the chunks") {
  lamina::set_num_threads(2);
  const auto first = threads_running_two_chunks();
  REQUIRE(first.size() == 2);
  CHECK(first.count(std::this_thread::get_id()) == 1);
  // Later calls reuse the same worker rather than starting a new thread.
  for (int call = 0; call < 20; ++call) CHECK(threads_running_two_chunks() == first);
}

TEST_CASE("a bad thread count is a lamina::Error") {
  for (int n : {-1, 100000}) {
    CAPTURE(n);
    try {
      lamina::set_num_threads(n);
      FAIL("no error");
    } catch (const lamina::Error& e) {
      CHECK(e.kind() == lamina::ErrorKind::Value);
      CHECK(e.message() == "cannot use " + std::to_string(n) + " threads");
      CHECK(e.hint() == "pass 0 (one per core) or a count from 1 to 1024");
    }
  }
}

TEST_CASE("set_num_threads from inside a body is a lamina::Error") {
  lamina::set_num_threads(2);
  auto run = [] { lamina::parallel_for(4, 1, [](int64_t, int64_t) { lamina::set_num_threads(3); }); };
  CHECK_THROWS_AS(run(), lamina::Error);
  CHECK_THROWS_WITH(run(), Catch::Contains("set_num_threads was called from inside a parallel_for body"));
  CHECK(lamina::num_threads() == 2);
}
