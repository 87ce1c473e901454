// Compile latency: the Keras antirectifier from source to a callable JIT kernel,
// cold in a warm process (the JIT already started, neither cache holding it) and,
// with LAMINA_JIT_CACHE set to a directory a previous run filled, from the disk cache.
//
//   build/bench/bench_compile_latency                                  # cold
//   LAMINA_JIT_CACHE=/tmp/lc build/bench/bench_compile_latency          # fills the cache
//   LAMINA_JIT_CACHE=/tmp/lc build/bench/bench_compile_latency          # from the disk cache
//
// Prints {"compile_s": [seconds per compile]}: one compile per feature size 512..518,
// so the in-memory cache never serves one.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "lamina/lambda.h"

using namespace lamina;

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

int main() {
  const char* antirectifier =
      "lambda x:\n"
      "    x -= mean(x, axis=1, keepdims=True)\n"
      "    x = l2_normalize(x, axis=1)\n"
      "    pos = relu(x)\n"
      "    neg = relu(-x)\n"
      "    return concat([pos, neg], axis=1)";
  // Warm the process: start the JIT with an unrelated lambda.
  Lambda::compile("x * 3 + 1", {{"x", DType::Float32, {std::nullopt, 7}}}).prepare_jit();
  std::vector<double> times;
  for (int64_t features = 512; features < 519; ++features) {
    auto start = std::chrono::steady_clock::now();
    Lambda::compile(antirectifier, {{"x", DType::Float32, {std::nullopt, features}}}).prepare_jit();
    times.push_back(seconds_since(start));
  }
  std::printf("{\"compile_s\": [");
  for (size_t i = 0; i < times.size(); ++i) std::printf("%s%.6f", i ? ", " : "", times[i]);
  std::printf("]}\n");
  std::sort(times.begin(), times.end());
  std::fprintf(stderr, "antirectifier source to callable: median %.2f ms, min %.2f ms\n", times[times.size() / 2] * 1e3,
               times[0] * 1e3);
}
