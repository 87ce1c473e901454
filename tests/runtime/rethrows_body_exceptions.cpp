// An exception thrown by a body reaches the caller of parallel_for, after every chunk has
// run; bad arguments are reported as lamina::Error.
#include <atomic>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "lamina/error.h"
#include "runtime/thread_pool.h"

TEST_CASE("an exception from one chunk is rethrown after all chunks finish") {
  for (int threads : {1, 2, 4}) {
    lamina::set_num_threads(threads);
    CAPTURE(threads);
    std::atomic<int64_t> visited{0};
    auto run = [&] {
      lamina::parallel_for(1000, 10, [&](int64_t begin, int64_t end) {
        visited += end - begin;
        if (begin == 500) throw std::runtime_error("chunk at 500 failed");
      });
    };
    CHECK_THROWS_WITH(run(), "chunk at 500 failed");
    CHECK(visited == 1000);
  }
}

TEST_CASE("when several chunks throw, one of their exceptions is rethrown") {
  lamina::set_num_threads(1);  // on one thread chunks run in order, so the first one wins
  auto run = [] {
    lamina::parallel_for(100, 10, [](int64_t begin, int64_t) {
      throw std::runtime_error("chunk " + std::to_string(begin));
    });
  };
  CHECK_THROWS_WITH(run(), "chunk 0");

  lamina::set_num_threads(4);
  try {
    run();
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).rfind("chunk ", 0) == 0);
  }
}

TEST_CASE("an exception from a single inline chunk keeps its type") {
  lamina::set_num_threads(2);
  auto run = [] { lamina::parallel_for(3, 100, [](int64_t, int64_t) { throw 42; }); };
  CHECK_THROWS_AS(run(), int);
}

TEST_CASE("the pool still works after a body threw") {
  lamina::set_num_threads(2);
  CHECK_THROWS(lamina::parallel_for(100, 1, [](int64_t, int64_t) { throw std::logic_error("x"); }));
  std::atomic<int64_t> visited{0};
  lamina::parallel_for(100, 1, [&](int64_t begin, int64_t end) { visited += end - begin; });
  CHECK(visited == 100);
}

TEST_CASE("a negative count is a lamina::Error") {
  try {
    lamina::parallel_for(-3, 1, [](int64_t, int64_t) {});
    FAIL("no error");
  } catch (const lamina::Error& e) {
    CHECK(e.kind() == lamina::ErrorKind::Value);
    CHECK(e.message() == "parallel_for over -3 items: the count is negative");
  }
}
