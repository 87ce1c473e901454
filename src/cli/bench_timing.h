#pragma once
// Timing repeated calls: warm-up, then timed repetitions of K back-to-back calls each,
// K chosen so that one repetition is long enough for the clock to measure.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lamina::cli {

/// A repetition the automatic choice of calls per repetition aims to reach (seconds).
inline constexpr double kMinRepSeconds = 1e-3;
/// The most calls per repetition the automatic choice picks.
inline constexpr int64_t kMaxCallsPerRep = 1'000'000;

struct BenchPlan {
  int64_t warmup = 3;  // untimed repetitions
  int64_t reps = 10;   // timed repetitions
  std::optional<int64_t> calls_per_rep;  // chosen by calls_for_min_rep when not given
};

struct BenchTimes {
  int64_t calls_per_rep = 1;
  std::vector<double> seconds_per_call;  // one per timed repetition
};

/// The number of back-to-back calls that take at least kMinRepSeconds (at most
/// kMaxCallsPerRep), found by timing growing batches of calls.
int64_t calls_for_min_rep(const std::function<void()>& call);

/// Runs plan.warmup untimed repetitions, then plan.reps timed ones; each repetition
/// is calls_per_rep calls, and its time is reported divided by that count.
BenchTimes time_calls(const std::function<void()>& call, const BenchPlan& plan);

/// "812 ns", "4.13 µs", "2.5 ms", "1.2 s": three significant digits.
std::string format_seconds(double seconds);

/// The median of a non-empty list (the mean of the middle two for an even count).
double median(std::vector<double> values);

}  // namespace lamina::cli
