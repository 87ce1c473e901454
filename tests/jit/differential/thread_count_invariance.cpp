// The JIT's results are bit-identical whatever the thread count (1, 2 or 4):
// parallel_for splits rows into chunks that depend only on the row count, and
// each reduction runs in a fixed 16-lane order within one row.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "jit/differential/support.h"
#include "runtime/thread_pool.h"

using namespace lamina;
using namespace lamina::difftest;

namespace {

/// Restores the thread count when a test ends, even on failure.
struct ThreadCountGuard {
  int saved = num_threads();
  ~ThreadCountGuard() { set_num_threads(saved); }
};

struct Workload {
  std::string source;
  Dims inner;      // after the batch
  int64_t batch;
};

/// Runs the workload at 1 2 and 4 threads and requires the same bits each time.
void check_invariant(const Workload& w) {
  InputSignature sig{"x", DType::Float32, {std::nullopt}};
  for (int64_t d : w.inner) sig.shape.push_back(d);
  Lambda f = Lambda::compile(w.source, {sig});
  Dims dims = {w.batch};
  dims.insert(dims.end(), w.inner.begin(), w.inner.end());
  std::mt19937_64 rng(std::hash<std::string>{}(w.source));
  Tensor x = random_tensor(rng, DType::Float32, dims, {-3, 3, 0.0});
  ThreadCountGuard guard;
  set_num_threads(1);
  std::vector<Tensor> one = f.run({x}, Engine::Jit);
  for (int threads : {2, 4, 1}) {
    set_num_threads(threads);
    std::vector<Tensor> many = f.run({x}, Engine::Jit);
    Outcome r = compare_bits(one, many, fmt::format("{}\non {} at 1 thread and at {} threads", w.source,
                                                    describe_inputs({x}), threads));
    INFO(r.report);
    CHECK(r.ok);
  }
  // And the values are right: the same as the interpreter's, within the reduction tolerance.
  int64_t length = 1;
  for (int64_t d : w.inner) length *= d;
  Outcome r = compare(f, w.source, {x}, reduction(length * w.batch, 9, kTranscendental));
  INFO(r.report);
  CHECK(r.ok);
}

}  // namespace

TEST_CASE("reductions give the same bits at 1 2 and 4 threads", "[jit][differential][threads]") {
  check_invariant({"lambda x: sum(x, axis=-1)", {50000}, 6});
  check_invariant({"lambda x: sum(x)", {30000}, 5});
  check_invariant({"lambda x: mean(x, axis=0), max(x, axis=0)", {4133}, 300});
  check_invariant({"lambda x: sum(x, axis=1)", {37, 600}, 40});
  check_invariant({"lambda x: var(x, axis=-1), logsumexp(x, axis=-1)", {1000}, 257});
  check_invariant({"lambda x: softmax(x, axis=-1)", {1000}, 257});
  check_invariant({"lambda x: l2_normalize(x, axis=(1, 2))", {64, 65}, 33});
  check_invariant({"lambda x: x - mean(x, axis=-1, keepdims=True)", {9000}, 20});
}

TEST_CASE("large elementwise work gives the same bits at 1 2 and 4 threads", "[jit][differential][threads]") {
  check_invariant({"lambda x: tanh(x) * exp(-x * x) + sigmoid(2 * x)", {100000}, 5});
  check_invariant({"lambda x: where(x > 0, log1p(x), erf(x))", {4133}, 211});
  check_invariant({"lambda x: concat([x, x[:, ::-1] * 2], axis=-1)", {2000}, 150});
  check_invariant({"lambda x: transpose(x, (0, 2, 1)) + 1", {300, 301}, 4});
}
