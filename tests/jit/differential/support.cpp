#include "jit/differential/support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <future>
#include <limits>
#include <memory>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "lamina/error.h"

namespace lamina::difftest {

namespace {

constexpr double kEps32 = 1.1920928955078125e-7;  // 2^-23

/// Bit patterns of element i (float32/float64 only).
uint64_t float_bits(const Tensor& t, int64_t i) {
  if (t.dtype() == DType::Float32) {
    uint32_t b;
    std::memcpy(&b, t.data<float>() + i, 4);
    return b;
  }
  uint64_t b;
  std::memcpy(&b, t.data<double>() + i, 8);
  return b;
}

/// Whether the JIT's `got` is close enough to the interpreter's `want`.
bool float_matches(double want, double got, Tolerance tol, uint64_t want_bits, uint64_t got_bits) {
  if (std::isnan(want) || std::isnan(got)) return std::isnan(want) && std::isnan(got);
  if (tol.bits) return want_bits == got_bits;
  if (std::isinf(want) || std::isinf(got)) return want == got;
  return std::fabs(got - want) <= tol.abs + tol.rel * std::fabs(want);
}

std::string value_text(const Tensor& t, int64_t i) {
  if (!is_float(t.dtype())) return fmt::format("{}", t.get_i64(i));
  double v = t.get_f64(i);
  if (t.dtype() == DType::Float32) return fmt::format("{:.9g} (bits {:#010x})", v, float_bits(t, i));
  return fmt::format("{:.17g} (bits {:#018x})", v, float_bits(t, i));
}

std::string type_text(const Tensor& t) { return fmt::format("{}{}", dtype_name(t.dtype()), format_dims(t.dims())); }

/// Runs one engine, turning a lamina::Error into a description instead of an exception.
struct Run {
  std::vector<Tensor> results;
  std::optional<Error> error;
};

Run run_engine(const Lambda& f, const std::vector<Tensor>& inputs, Engine engine) {
  Run r;
  try {
    r.results = f.run(inputs, engine);
  } catch (const Error& e) {
    r.error = e;
  }
  return r;
}

std::string error_text(const Error& e) { return fmt::format("error (kind {}): {}", static_cast<int>(e.kind()), e.message()); }

}  // namespace

Tolerance reduction(int64_t length, double magnitude, Tolerance base) {
  double n = static_cast<double>(std::max<int64_t>(length, 1));
  return {std::max(base.rel, 1e-6), base.abs + n * kEps32 * magnitude, "reduction"};
}

Outcome compare_results(const std::vector<Tensor>& ref, const std::vector<Tensor>& jit, Tolerance tol,
                        const std::string& context) {
  auto fail = [&](const std::string& what) { return Outcome{false, fmt::format("{}\n{}", context, what)}; };
  if (ref.size() != jit.size())
    return fail(fmt::format("the interpreter gave {} result(s), the JIT {}", ref.size(), jit.size()));
  for (size_t r = 0; r < ref.size(); ++r) {
    const Tensor& a = ref[r];
    const Tensor& b = jit[r];
    if (a.dtype() != b.dtype() || a.dims() != b.dims())
      return fail(fmt::format("result {}: the interpreter gave {}, the JIT {}", r, type_text(a), type_text(b)));
    bool floats = is_float(a.dtype());
    for (int64_t i = 0; i < a.size(); ++i) {
      bool same = floats ? float_matches(a.get_f64(i), b.get_f64(i), tol, float_bits(a, i), float_bits(b, i))
                         : a.get_i64(i) == b.get_i64(i);
      if (same) continue;
      int64_t count = 0;
      for (int64_t j = i; j < a.size(); ++j)
        count += floats ? !float_matches(a.get_f64(j), b.get_f64(j), tol, float_bits(a, j), float_bits(b, j))
                        : a.get_i64(j) != b.get_i64(j);
      return fail(fmt::format(
          "result {} ({}): first difference at element {} {} of {} differing\n"
          "  interpreter: {}\n  jit:         {}\n  tolerance:   {} (rel {:g}, abs {:g})",
          r, type_text(a), i, index_text(a.dims(), i), count, value_text(a, i), value_text(b, i), tol.family, tol.rel,
          tol.abs));
    }
  }
  return {};
}

Outcome compare_bits(const std::vector<Tensor>& a, const std::vector<Tensor>& b, const std::string& context) {
  return compare_results(a, b, kExact, context);
}

Outcome compare(const Lambda& f, const std::string& source, const std::vector<Tensor>& inputs, Tolerance tol) {
  std::string context = fmt::format("source:\n{}\ninputs: {}", source, describe_inputs(inputs));
  Run ref = run_engine(f, inputs, Engine::Interpreter);
  Run jit = run_engine(f, inputs, Engine::Jit);
  if (ref.error || jit.error) {
    if (ref.error && jit.error && ref.error->kind() == jit.error->kind()) return {};
    return {false, fmt::format("{}\n  interpreter: {}\n  jit:         {}", context,
                               ref.error ? error_text(*ref.error) : "results",
                               jit.error ? error_text(*jit.error) : "results")};
  }
  return compare_results(ref.results, jit.results, tol, context);
}

Outcome compare(const std::string& source, const std::vector<InputSignature>& signatures,
                const std::vector<Tensor>& inputs, Tolerance tol) {
  std::optional<Lambda> f;
  try {
    f = Lambda::compile(source, signatures);
  } catch (const Error& e) {
    return {false, fmt::format("source:\n{}\ndoes not compile: {}", source, e.what())};
  }
  return compare(*f, source, inputs, tol);
}

std::optional<Outcome> compare_within(double seconds, const std::string& source,
                                      const std::vector<InputSignature>& signatures, const std::vector<Tensor>& inputs,
                                      Tolerance tol) {
  auto done = std::make_shared<std::promise<Outcome>>();
  std::future<Outcome> result = done->get_future();
  std::thread([=] {
    try {
      done->set_value(compare(source, signatures, inputs, tol));
    } catch (const std::exception& e) {
      done->set_value({false, fmt::format("source:\n{}\nthrew: {}", source, e.what())});
    }
  }).detach();
  if (result.wait_for(std::chrono::duration<double>(seconds)) != std::future_status::ready) return std::nullopt;
  return result.get();
}

std::string compare_in_child(double seconds, const std::string& source, const std::vector<InputSignature>& signatures,
                             const std::vector<Tensor>& inputs, Tolerance tol) {
  pid_t child = fork();
  if (child < 0) return "fork failed";
  if (child == 0) _exit(compare(source, signatures, inputs, tol).ok ? 0 : 1);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int status = 0;
  while (waitpid(child, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      return "timed out";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFSIGNALED(status)) return fmt::format("crashed with signal {}", WTERMSIG(status));
  return WEXITSTATUS(status) == 0 ? "passed" : "mismatch";
}

const std::vector<double>& special_floats() {
  static const std::vector<double> values = {
      std::numeric_limits<double>::quiet_NaN(),
      std::numeric_limits<double>::infinity(),
      -std::numeric_limits<double>::infinity(),
      0.0,
      -0.0,
      static_cast<double>(std::numeric_limits<float>::denorm_min()),
      -1e-40,                                                    // subnormal in float32
      static_cast<double>(std::numeric_limits<float>::min()),    // smallest normal
      static_cast<double>(std::numeric_limits<float>::max()),
      -static_cast<double>(std::numeric_limits<float>::max()),
      1.0,
      -1.0,
      0.5,
      -0.5,
      1e30,
  };
  return values;
}

std::vector<int64_t> special_ints(DType t) {
  if (t == DType::Bool) return {0, 1};
  int64_t lo = t == DType::Int32 ? std::numeric_limits<int32_t>::min() : std::numeric_limits<int64_t>::min();
  int64_t hi = t == DType::Int32 ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int64_t>::max();
  return {lo, hi, 0, 1, -1, 2, -2, lo + 1, hi - 1};
}

Tensor random_tensor(std::mt19937_64& rng, DType t, const Dims& dims, const Values& v) {
  Tensor out = Tensor::zeros(t, dims);
  std::uniform_real_distribution<double> real(v.lo, v.hi);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> specials;
  for (double x : special_floats()) {
    if (v.specials_finite && !std::isfinite(x)) continue;
    if (!v.specials_huge && std::isfinite(x) && std::fabs(x) > 1e10) continue;
    specials.push_back(x);
  }
  std::vector<int64_t> int_specials = special_ints(t);
  for (int64_t i = 0; i < out.size(); ++i) {
    bool special = unit(rng) < v.special_rate;
    if (t == DType::Bool) {
      out.set_i64(i, static_cast<int64_t>(rng() & 1));
    } else if (is_float(t)) {
      double x = real(rng);
      if (special) x = specials[rng() % specials.size()];
      out.set_f64(i, x);
    } else {
      int64_t x = static_cast<int64_t>(std::floor(real(rng) + 0.5));
      if (special) x = int_specials[rng() % int_specials.size()];
      out.set_i64(i, x);
    }
  }
  return out;
}

std::string describe_inputs(const std::vector<Tensor>& inputs) {
  std::string s;
  for (size_t i = 0; i < inputs.size(); ++i) s += (i ? ", " : "") + type_text(inputs[i]);
  return s.empty() ? "(none)" : s;
}

std::string index_text(const Dims& dims, int64_t i) {
  std::vector<int64_t> idx(dims.size());
  for (size_t d = dims.size(); d-- > 0;) {
    idx[d] = dims[d] ? i % dims[d] : 0;
    i = dims[d] ? i / dims[d] : 0;
  }
  return format_dims(idx);
}

int64_t env_count(const char* name, int64_t fallback) {
  const char* s = std::getenv(name);
  if (!s || !*s) return fallback;
  char* end = nullptr;
  long long v = std::strtoll(s, &end, 10);
  return end && *end == 0 && v >= 0 ? static_cast<int64_t>(v) : fallback;
}

std::string runtime_error(const Lambda& f, const std::vector<Tensor>& inputs, Engine engine) {
  try {
    f.run(inputs, engine);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Runtime);
    return e.message();
  }
  FAIL_CHECK("no error");
  return "";
}

}  // namespace lamina::difftest
