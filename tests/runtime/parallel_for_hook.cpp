// A host can replace parallel_for with its own scheduler, and restore ours with nullptr.
#include <atomic>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "runtime/thread_pool.h"

namespace {

struct HostScheduler {
  int calls = 0;
  int64_t last_n = -1, last_grain = -1;
};

/// A serial scheduler that splits the range the way the pool does.
void serial_hook(void* ctx, int64_t n, int64_t grain, void (*task)(void*, int64_t, int64_t),
                 void* task_ctx) {
  auto& host = *static_cast<HostScheduler*>(ctx);
  ++host.calls;
  host.last_n = n;
  host.last_grain = grain;
  for (int64_t i = 0; i < lamina::num_chunks(n, grain); ++i)
    task(task_ctx, lamina::chunk_begin(n, grain, i), lamina::chunk_begin(n, grain, i + 1));
}

/// Restores the built-in pool even when a check fails.
struct HookGuard {
  HookGuard(lamina::ParallelForHook hook, void* ctx) { lamina::set_parallel_for_hook(hook, ctx); }
  ~HookGuard() { lamina::set_parallel_for_hook(nullptr, nullptr); }
};

}  // namespace

TEST_CASE("a parallel_for hook receives every call, with its context") {
  lamina::set_num_threads(2);
  HostScheduler host;
  HookGuard guard(&serial_hook, &host);
  std::vector<int> visits(1000);
  lamina::parallel_for(1000, 7, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) ++visits[i];
  });
  CHECK(host.calls == 1);
  CHECK(host.last_n == 1000);
  CHECK(host.last_grain == 7);
  for (int v : visits) REQUIRE(v == 1);
  // Even a call small enough to run inline goes to the host.
  lamina::parallel_for(3, 100, [](int64_t, int64_t) {});
  CHECK(host.calls == 2);
}

TEST_CASE("an exception thrown under a hook reaches the caller, not the hook") {
  HostScheduler host;
  HookGuard guard(&serial_hook, &host);
  auto run = [] {
    lamina::parallel_for(100, 10, [](int64_t begin, int64_t) {
      if (begin == 50) throw std::runtime_error("bad chunk");
    });
  };
  CHECK_THROWS_WITH(run(), "bad chunk");
  CHECK(host.calls == 1);  // the hook itself returned normally
}

TEST_CASE("setting the hook to nullptr restores the built-in pool") {
  HostScheduler host;
  {
    HookGuard guard(&serial_hook, &host);
  }
  std::atomic<int64_t> visited{0};
  lamina::parallel_for(500, 1, [&](int64_t begin, int64_t end) { visited += end - begin; });
  CHECK(visited == 500);
  CHECK(host.calls == 0);
}
