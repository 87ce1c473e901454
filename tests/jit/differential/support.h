#pragma once
// Differential testing: run one DSL source through the JIT and through the
// reference interpreter on the same inputs, and compare what they give.
//
// The interpreter is the oracle. It computes float32 elementwise math in double
// and rounds each node's result to float32; the JIT computes in float32 with
// its own vector math (jit/vector_math.h, at most 4 ulp) and sums in float32
// lanes. So the comparison is:
//   - integers and bools: equal;
//   - float results: NaN matches NaN (any payload), ±inf must match exactly,
//     finite values within a Tolerance |jit - ref| <= abs + rel * |ref|
//     (kExact compares bits and tells -0 from +0);
//   - shapes, dtypes and the number of results: equal;
//   - an error (lamina::Error) from one engine must be an error of the same
//     kind from the other.
//
// Example:
//   auto r = difftest::compare("lambda x: exp(x)", {{"x", DType::Float32, {std::nullopt, 5}}},
//                              {input}, difftest::kTranscendental);
//   INFO(r.report);
//   CHECK(r.ok);

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "lamina/lambda.h"

namespace lamina::difftest {

/// How far a float result of the JIT may be from the interpreter's:
/// |jit - ref| <= abs + rel * |ref|, or the same bits when `bits` is set.
struct Tolerance {
  double rel = 0;
  double abs = 0;
  const char* family = "exact";
  bool bits = false;
};

/// The tolerance families. float32's machine epsilon is 2^-23 ≈ 1.2e-7.
///
/// Exact: data movement (transpose, slice, concat, broadcast, where), negation,
/// abs, sign, comparisons, casts, floor/ceil/round, mod/floor_divide, and one
/// + - * / or sqrt (correctly rounded in both engines: double-then-float32
/// rounding equals float32 rounding for these): both engines give the same bits.
inline constexpr Tolerance kExact{0, 0, "exact", true};
/// The same number, but -0 equals +0: max/min reductions (which zero survives
/// depends on the order of the fold, which differs between the engines).
inline constexpr Tolerance kSameValue{0, 0, "same value"};
/// Arithmetic: + - * / sqrt are correctly rounded in both engines, so one
/// operation agrees exactly; a short chain (or a double-rounded composite such
/// as rsqrt = 1/sqrt) may differ by a few ulp: relative 1e-6 (~8 ulp) plus
/// absolute 1e-6 for results that cancel to near zero.
inline constexpr Tolerance kArithmetic{1e-6, 1e-6, "arithmetic"};
/// Transcendentals and chains of them (exp, log, tanh, erf, gelu, softplus,
/// pow, atan2, ...): the JIT's float32 math is within 4 ulp of the correctly
/// rounded value and errors compound through a chain: relative 2e-5, absolute 1e-6.
inline constexpr Tolerance kTranscendental{2e-5, 1e-6, "transcendental"};

/// Reductions that add or multiply `length` float32 terms of magnitude up to
/// `magnitude`: the JIT accumulates in float32 (16 lanes, then a fixed tree), the
/// interpreter in double, so the error grows with the length: relative 1e-6 plus
/// absolute length * eps32 * magnitude (a bound on float32 summation error).
/// `base` adds the error of what is summed (e.g. kTranscendental for sum(exp(x))).
Tolerance reduction(int64_t length, double magnitude, Tolerance base = kArithmetic);

/// The result of running a source through both engines.
struct Outcome {
  bool ok = true;
  std::string report;  // on a mismatch: source, inputs' shapes, and the first difference
};

/// Compiles `source` for `signatures`, runs both engines on `inputs` and compares.
/// A failure to compile counts as a mismatch (the source is meant to be well-typed).
Outcome compare(const std::string& source, const std::vector<InputSignature>& signatures,
                const std::vector<Tensor>& inputs, Tolerance tol);

/// The same with an already compiled lambda (compile once, run at several batch sizes).
Outcome compare(const Lambda& f, const std::string& source, const std::vector<Tensor>& inputs, Tolerance tol);

/// compare(), on a thread of its own, waiting at most `seconds`: nullopt when it
/// has not returned by then. The thread is then left running (it cannot be
/// stopped), so use this only for a known hang, in a test case of its own.
std::optional<Outcome> compare_within(double seconds, const std::string& source,
                                      const std::vector<InputSignature>& signatures, const std::vector<Tensor>& inputs,
                                      Tolerance tol);

/// compare() in a forked child process, for a known crash (a crash in the test
/// process would end the whole test run): "passed", "mismatch", "crashed with
/// signal N" or "timed out". POSIX only.
std::string compare_in_child(double seconds, const std::string& source, const std::vector<InputSignature>& signatures,
                             const std::vector<Tensor>& inputs, Tolerance tol);

/// The message of the Runtime error running `f` on `inputs` with `engine` throws;
/// fails the current test (and returns "") when it throws nothing or another kind.
std::string runtime_error(const Lambda& f, const std::vector<Tensor>& inputs, Engine engine = Engine::Jit);

/// Compares two result lists; `context` heads the report of a mismatch.
Outcome compare_results(const std::vector<Tensor>& ref, const std::vector<Tensor>& jit, Tolerance tol,
                        const std::string& context);

/// Bit-identical results (any NaN equals any NaN), for the thread-count tests.
Outcome compare_bits(const std::vector<Tensor>& a, const std::vector<Tensor>& b, const std::string& context);

// --- inputs ---

/// Float values that stress special cases: NaN, ±inf, ±0, subnormals, the
/// extremes of float32, ±1, ±0.5, a large finite value.
const std::vector<double>& special_floats();
/// Integer values that stress special cases for `t` (its min and max, 0, ±1, ...).
std::vector<int64_t> special_ints(DType t);

/// How random input values are drawn.
struct Values {
  double lo = -4, hi = 4;        // floats uniform in [lo, hi]; ints uniform in [lo, hi] rounded
  double special_rate = 0.05;    // the fraction of elements replaced by a special value
  bool specials_finite = false;  // draw specials only from the finite ones (no NaN/inf)
  bool specials_huge = true;     // include the huge finite specials (±FLT_MAX, 1e30)
};

/// A tensor of `dims` filled from `rng` (bool: fair coin).
Tensor random_tensor(std::mt19937_64& rng, DType t, const Dims& dims, const Values& v = {});

/// "float32(3, 5), int32(3,)" for reports.
std::string describe_inputs(const std::vector<Tensor>& inputs);

/// The row-major multi-index of flat element i, as "(1, 4)".
std::string index_text(const Dims& dims, int64_t i);

/// Reads an environment variable as a count, or `fallback` when unset or not a number.
int64_t env_count(const char* name, int64_t fallback);

}  // namespace lamina::difftest
