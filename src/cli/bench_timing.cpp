#include "cli/bench_timing.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace lamina::cli {
namespace {

/// Wall-clock seconds for `count` back-to-back calls.
double time_batch(const std::function<void()>& call, int64_t count) {
  auto start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < count; ++i) call();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int64_t calls_for_min_rep(const std::function<void()>& call) {
  int64_t calls = 1;
  for (;;) {
    double seconds = time_batch(call, calls);
    if (seconds >= kMinRepSeconds || calls >= kMaxCallsPerRep) return calls;
    // Aim a little past the target, at least doubling, so this ends in a few rounds.
    double scale = seconds > 0 ? kMinRepSeconds * 1.2 / seconds : 10.0;
    auto next = static_cast<int64_t>(std::ceil(static_cast<double>(calls) * scale));
    calls = std::min(kMaxCallsPerRep, std::max(calls * 2, next));
  }
}

BenchTimes time_calls(const std::function<void()>& call, const BenchPlan& plan) {
  BenchTimes times;
  times.calls_per_rep = plan.calls_per_rep ? *plan.calls_per_rep : calls_for_min_rep(call);
  for (int64_t i = 0; i < plan.warmup; ++i) time_batch(call, times.calls_per_rep);
  for (int64_t i = 0; i < plan.reps; ++i)
    times.seconds_per_call.push_back(time_batch(call, times.calls_per_rep) / static_cast<double>(times.calls_per_rep));
  return times;
}

std::string format_seconds(double seconds) {
  if (seconds >= 1) return fmt::format("{:.3g} s", seconds);
  if (seconds >= 1e-3) return fmt::format("{:.3g} ms", seconds * 1e3);
  if (seconds >= 1e-6) return fmt::format("{:.3g} µs", seconds * 1e6);
  return fmt::format("{:.3g} ns", seconds * 1e9);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace lamina::cli
