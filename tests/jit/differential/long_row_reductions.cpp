// Reductions over rows of 64 elements or more run with four independent
// accumulators (a fixed pairwise combination at the end): each row length
// across the boundaries of the unrolled loop, the single-vector loop and the
// masked tail agrees with the interpreter, and a NaN or an extreme value in any
// part of the row (unrolled, remainder or tail) reaches the result.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "jit/differential/support.h"

using namespace lamina;
using namespace lamina::difftest;

namespace {

const int64_t kLengths[] = {63, 64, 65, 79, 80, 127, 128, 129, 200, 512};

Outcome run(const std::string& source, const Tensor& x, Tolerance tol) {
  InputSignature sig{"x", DType::Float32, {std::nullopt, x.dims()[1]}};
  return compare(source, {sig}, {x}, tol);
}

}  // namespace

TEST_CASE("long-row sums, products and means agree with the interpreter at every unroll boundary") {
  std::mt19937_64 rng(11);
  for (int64_t n : kLengths) {
    Tensor x = random_tensor(rng, DType::Float32, {5, n}, {-2, 2, 0.0});
    for (const char* src : {"sum(x, axis=-1)", "mean(x, axis=1)", "sum(exp(x), axis=-1, keepdims=True)"}) {
      Outcome r = run(src, x, reduction(n, std::exp(2.0), kTranscendental));
      INFO(fmt::format("n = {}: {}", n, r.report));
      CHECK(r.ok);
    }
    Tensor small = random_tensor(rng, DType::Float32, {5, n}, {0.9, 1.1, 0.0});
    Outcome r = run("prod(x, axis=-1)", small, reduction(n, 8.0));
    INFO(fmt::format("n = {}: {}", n, r.report));
    CHECK(r.ok);
  }
}

TEST_CASE("long-row max and min see an extreme value or a NaN in every part of the row") {
  std::mt19937_64 rng(12);
  for (int64_t n : kLengths) {
    // Positions in the unrolled part, in the one-vector remainder and in the masked tail.
    for (int64_t at : {int64_t{0}, int64_t{17}, n / 2, n - 20, n - 1}) {
      if (at < 0) continue;
      Tensor x = random_tensor(rng, DType::Float32, {3, n}, {-1, 1, 0.0});
      x.set_f64(at, 100.0);                       // row 0: the maximum
      x.set_f64(n + at, -100.0);                  // row 1: the minimum
      x.set_f64(2 * n + at, std::nan(""));        // row 2: NaN propagates
      for (const char* src : {"max(x, axis=-1)", "min(x, axis=-1)", "softmax(x, axis=-1)"}) {
        Outcome r = run(src, x, std::string(src).rfind("softmax", 0) == 0 ? kTranscendental : kSameValue);
        INFO(fmt::format("n = {}, at = {}: {}", n, at, r.report));
        CHECK(r.ok);
      }
    }
  }
}

TEST_CASE("long-row any and all agree with the interpreter") {
  std::mt19937_64 rng(13);
  for (int64_t n : kLengths) {
    Tensor x = random_tensor(rng, DType::Float32, {4, n}, {-1, 1, 0.0});
    for (int64_t i = 0; i < n; ++i) {
      x.set_f64(i, 1.0);                        // row 0: all true
      x.set_f64(n + i, i == n - 1 ? 1.0 : 0.0);  // row 1: only the last
    }
    for (const char* src : {"any(x > 0.5, axis=-1)", "all(x > 0.5, axis=-1)"}) {
      Outcome r = run(src, x, kExact);
      INFO(fmt::format("n = {}: {}", n, r.report));
      CHECK(r.ok);
    }
  }
}
