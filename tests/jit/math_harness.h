#pragma once
// Test harness for the vector math: JIT-compiles `void f(const T* x, const T* y, T* out, int64_t n)`
// that applies one MathFn over <16 x float> (or <8 x double>) steps, and measures ulp errors
// against a higher-precision reference.
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "jit/vector_math.h"

namespace lamina::test {

inline constexpr float kInf = std::numeric_limits<float>::infinity();
inline constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
inline constexpr float kTiny = std::numeric_limits<float>::denorm_min();  // 2^-149
inline constexpr float kMinNormal = std::numeric_limits<float>::min();    // 2^-126
inline constexpr float kMax = std::numeric_limits<float>::max();

/// A compiled kernel out[i] = fn(x[i]) or fn(x[i], y[i]) for T = float (16 lanes) or double (8).
template <class T>
class MathKernel {
 public:
  static constexpr int64_t kLanes = sizeof(T) == 4 ? 16 : 8;
  /// lanes: the vector width of the loop body; 1 means plain scalars (no vector type).
  explicit MathKernel(jit::MathFn fn, int64_t lanes = kLanes);
  /// Applies the kernel; pads the inputs to a multiple of the lane count. y is empty for
  /// one-operand functions.
  std::vector<T> operator()(const std::vector<T>& x, const std::vector<T>& y = {}) const;
  /// The raw kernel: n must be a multiple of the lane count; y may be null for one-operand functions.
  void run(const T* x, const T* y, T* out, int64_t n) const;
  /// The kernel compiled once per (T, fn) for the whole test run.
  static const MathKernel& cached(jit::MathFn fn);

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
  bool binary_;
  int64_t lanes_;
};

/// fn(x[, y]) for one float / double through the compiled vector kernel.
float eval_f32(jit::MathFn fn, float x, float y = 0.0f);
double eval_f64(jit::MathFn fn, double x, double y = 0.0);

/// Distance between two values in units in the last place: the number of representable values
/// between them (bit patterns ordered as integers; -0 and +0 are the same point). NaN == NaN
/// counts as 0; NaN against a number is "infinitely" far (INT64_MAX).
int64_t ulp_distance(float a, float b);
int64_t ulp_distance(double a, double b);
/// Bit-exact equality (tells -0 from +0); any NaN equals any NaN.
bool same(float a, float b);
bool same(double a, double b);

/// The result of comparing a kernel with a reference over a set of points.
struct UlpStats {
  int64_t max_ulp = 0;
  size_t points = 0;
  double worst_x = 0, worst_y = 0, worst_got = 0, worst_want = 0;
  std::string describe(const char* name) const;
};

/// Runs fn over (x, y) and compares with ref(x, y) computed in double and rounded to float.
UlpStats measure_f32(jit::MathFn fn, const std::vector<float>& x, const std::vector<float>& y,
                     const std::function<double(double, double)>& ref);
/// Runs fn over (x, y) and compares with ref computed in long double and rounded to double.
UlpStats measure_f64(jit::MathFn fn, const std::vector<double>& x, const std::vector<double>& y,
                     const std::function<long double(long double, long double)>& ref);

// --- point sets ---
/// n evenly spaced floats in [lo, hi].
std::vector<float> dense_f32(double lo, double hi, size_t n);
/// Every `step`-th bit pattern of all 2^32 floats (NaNs, infinities, subnormals included).
/// The environment variable LAMINA_ULP_SWEEP_STEP overrides `step` (e.g. 257 for a denser run,
/// 1 for all floats: 16 GB).
std::vector<float> bit_sweep_f32(uint32_t step);
/// n evenly spaced doubles in [lo, hi]; and every `step`-th double bit pattern (step ~ 2^44).
std::vector<double> dense_f64(double lo, double hi, size_t n);
std::vector<double> bit_sweep_f64(uint64_t step);
/// a followed by b, for building point sets.
template <class T>
std::vector<T> join(std::vector<T> a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace lamina::test
