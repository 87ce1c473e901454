// Every builtin of the language gives the same values from the JIT as from the
// interpreter, on inputs with a symbolic batch run at batch sizes 1, 3, 17 and 0,
// with NaN, ±inf, ±0 and subnormals among the values, int and bool inputs where
// the builtin takes them, an inner size that is not a multiple of 16 (masked
// tails) and one above 4096 (tiled rows). Tolerances: see support.h.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>

#include <fmt/format.h>

#include "jit/differential/support.h"

using namespace lamina;
using namespace lamina::difftest;

namespace {

constexpr int64_t kTail = 37;    // 2 full vectors and a 5-lane masked tail
constexpr int64_t kWide = 4133;  // above the 4096-element tile: two tiles per row

/// One input of a case: its dtype, the dims after the batch, and its values.
struct In {
  DType dtype = DType::Float32;
  Dims inner = {kTail};
  Values values = {};
};

In f32(Dims inner = {kTail}, Values v = {}) { return {DType::Float32, std::move(inner), v}; }
In f64(Dims inner = {kTail}, Values v = {}) { return {DType::Float64, std::move(inner), v}; }
In i32(Dims inner = {kTail}, Values v = {-6, 6, 0.1}) { return {DType::Int32, std::move(inner), v}; }
In i64(Dims inner = {kTail}, Values v = {-6, 6, 0.1}) { return {DType::Int64, std::move(inner), v}; }
In boolean(Dims inner = {kTail}) { return {DType::Bool, std::move(inner), {}}; }

/// Values for reductions: no huge finite specials (they would make the float32
/// and double sums differ by more than any tolerance through cancellation).
Values reduction_values(double lo = -4, double hi = 4) { return {lo, hi, 0.0}; }

struct Case {
  std::string source;
  std::vector<In> inputs;
  Tolerance tol = kExact;
};

uint64_t seed_of(const std::string& s, int64_t batch) {
  return std::hash<std::string>{}(s) ^ (static_cast<uint64_t>(batch) * 0x9E3779B97F4A7C15ull);
}

/// The input tensor for a batch: random values, with the special values of its
/// dtype written over the first elements (so every batch >= 1 meets them).
Tensor make_input(const In& in, int64_t batch, std::mt19937_64& rng) {
  Dims dims = {batch};
  dims.insert(dims.end(), in.inner.begin(), in.inner.end());
  Tensor t = random_tensor(rng, in.dtype, dims, in.values);
  if (in.values.special_rate == 0) return t;
  if (is_float(in.dtype)) {
    const auto& s = special_floats();
    size_t first = in.values.specials_finite ? 3 : 0;
    for (size_t i = first; i < s.size() && static_cast<int64_t>(i - first) < t.size(); ++i)
      t.set_f64(static_cast<int64_t>(i - first), s[i]);
  } else if (in.dtype != DType::Bool) {
    auto s = special_ints(in.dtype);
    for (size_t i = 0; i < s.size() && static_cast<int64_t>(i) < t.size(); ++i) t.set_i64(static_cast<int64_t>(i), s[i]);
  }
  return t;
}

/// Compiles the case once for (None, inner...) signatures and compares both
/// engines at each batch size.
void check(const Case& c, const std::vector<int64_t>& batches = {1, 3, 17, 0}) {
  std::vector<std::string> names = Lambda::parameter_names(c.source);
  REQUIRE(names.size() == c.inputs.size());
  std::vector<InputSignature> sigs;
  for (size_t i = 0; i < names.size(); ++i) {
    InputSignature s{names[i], c.inputs[i].dtype, {std::nullopt}};
    for (int64_t d : c.inputs[i].inner) s.shape.push_back(d);
    sigs.push_back(s);
  }
  std::optional<Lambda> f;
  try {
    f = Lambda::compile(c.source, sigs);
  } catch (const Error& e) {
    FAIL_CHECK("does not compile: " << c.source << "\n" << e.what());
    return;
  }
  for (int64_t batch : batches) {
    std::mt19937_64 rng(seed_of(c.source, batch));
    std::vector<Tensor> inputs;
    for (const In& in : c.inputs) inputs.push_back(make_input(in, batch, rng));
    Outcome r = compare(*f, c.source, inputs, c.tol);
    INFO("batch " << batch);
    INFO(r.report);
    CHECK(r.ok);
  }
}

/// The same source over a tail-sized and a tiled inner dim.
void check_both_widths(const std::string& source, DType t, Tolerance tol, Values v = {}) {
  check({source, {{t, {kTail}, v}}, tol});
  check({source, {{t, {kWide}, v}}, tol}, {1, 3, 0});
}

}  // namespace

TEST_CASE("every float unary builtin matches the interpreter on float32 float64 and int32", "[jit][differential]") {
  const char* names[] = {"sqrt",   "rsqrt",   "exp",     "expm1",   "log",    "log1p",   "log2",
                         "log10",  "sin",     "cos",     "tan",     "arcsin", "arccos",  "arctan",
                         "asin",   "acos",    "atan",    "sinh",    "cosh",   "tanh",    "arcsinh",
                         "arccosh", "arctanh", "asinh",  "acosh",   "atanh",  "erf",     "exponential"};
  for (const char* name : names) {
    std::string source = fmt::format("lambda x: {}(x)", name);
    check_both_widths(source, DType::Float32, kTranscendental);
    check({source, {f64()}, kTranscendental});
    check({source, {i32()}, kTranscendental});
  }
}

TEST_CASE("sqrt is correctly rounded in both engines", "[jit][differential]") {
  check_both_widths("lambda x: sqrt(x)", DType::Float32, kExact);
}

TEST_CASE("abs negative sign floor ceil and round are exact on every dtype", "[jit][differential]") {
  for (const char* name : {"abs", "absolute", "negative", "sign", "floor", "ceil", "round"}) {
    std::string source = fmt::format("lambda x: {}(x)", name);
    check_both_widths(source, DType::Float32, kExact);
    check({source, {f64()}, kExact});
    check({source, {i32()}, kExact});
    check({source, {i64()}, kExact});
    if (std::string(name) != "floor" && std::string(name) != "ceil") check({source, {boolean()}, kExact});
  }
  check({"lambda x: round(x, 2)", {f32({kTail}, {-40, 40})}, kArithmetic});
  check({"lambda x: round(x, -1)", {i32({kTail}, {-400, 400, 0.1})}, kExact});
}

TEST_CASE("square and reciprocal match the interpreter", "[jit][differential]") {
  check_both_widths("lambda x: square(x)", DType::Float32, kExact);
  check({"lambda x: square(x)", {i32()}, kExact});
  check({"lambda x: square(x)", {i64()}, kExact});
  check_both_widths("lambda x: reciprocal(x)", DType::Float32, kExact);
  check({"lambda x: reciprocal(x)", {i32()}, kExact});
}

TEST_CASE("every binary arithmetic builtin matches the interpreter with broadcasting", "[jit][differential]") {
  // One correctly rounded operation gives the same bits from float32 and from double-then-round.
  for (const char* name : {"add", "subtract", "multiply", "divide", "true_divide", "maximum", "minimum"}) {
    std::string source = fmt::format("lambda x, y: {}(x, y)", name);
    check({source, {f32(), f32()}, kExact});
    check({source, {f32({kWide}), f32({kWide})}, kExact}, {1, 3, 0});
    check({source, {f64(), f64()}, kExact});
    check({source, {i32(), i32()}, name == std::string("divide") || name == std::string("true_divide") ? kArithmetic : kExact});
    check({source, {i64(), i32()}, kArithmetic});
    check({source, {f32({5, kTail}), f32({1, kTail})}, kExact});
    check({fmt::format("lambda x: {}(x, 2.5)", name), {f32()}, kExact});
    check({fmt::format("lambda x: {}(3, x)", name), {i32()}, kArithmetic});
  }
}

TEST_CASE("floor_divide and mod follow Python (NumPy) semantics in both engines", "[jit][differential]") {
  for (const char* name : {"floor_divide", "mod", "floormod", "remainder"}) {
    std::string source = fmt::format("lambda x, y: {}(x, y)", name);
    check({source, {f32({kTail}, {-20, 20}), f32({kTail}, {-5, 5})}, kExact});
    check({source, {f64({kTail}, {-20, 20}), f64({kTail}, {-5, 5})}, kExact});
    check({source, {i32({kTail}, {-20, 20, 0.1}), i32({kTail}, {-5, 5, 0.2})}, kExact});
    check({source, {i64({kTail}, {-20, 20, 0.1}), i64({kTail}, {-5, 5, 0.2})}, kExact});
  }
  check({"lambda x: x // 3", {f32({kTail}, {-20, 20})}, kExact});
  check({"lambda x: x % -2.5", {f32({kTail}, {-20, 20})}, kExact});
  check({"lambda x: x % 4", {i32({kTail}, {-20, 20, 0.1})}, kExact});
}

TEST_CASE("power pow and atan2 match the interpreter", "[jit][differential]") {
  for (const char* name : {"power", "pow"}) {
    std::string source = fmt::format("lambda x, y: {}(x, y)", name);
    check({source, {f32({kTail}, {0, 4}), f32({kTail}, {-3, 3})}, kTranscendental});
    check({source, {f32(), f32()}, kTranscendental});
    check({source, {i32({kTail}, {-4, 4, 0.05}), i32({kTail}, {0, 5, 0})}, kExact});
  }
  check({"lambda x: x ** 2", {f32({kWide})}, kExact}, {1, 3, 0});
  check({"lambda x: x ** 0.5", {f32()}, kTranscendental});
    for (const char* name : {"arctan2", "atan2"}) {
    std::string source = fmt::format("lambda y, x: {}(y, x)", name);
    check({source, {f32(), f32()}, kTranscendental});
    check({source, {f64(), f64()}, kTranscendental});
  }
}

TEST_CASE("comparisons are exact on floats with NaN and on ints and bools", "[jit][differential]") {
  for (const char* name : {"equal", "not_equal", "greater", "greater_equal", "less", "less_equal"}) {
    std::string source = fmt::format("lambda x, y: {}(x, y)", name);
    check({source, {f32({kTail}, {-2, 2}), f32({kTail}, {-2, 2})}, kExact});
    check({source, {f64({kTail}, {-2, 2}), f32({kTail}, {-2, 2})}, kExact});
    check({source, {i32({kTail}, {-2, 2, 0.1}), i64({kTail}, {-2, 2, 0.1})}, kExact});
    check({source, {boolean(), boolean()}, kExact});
  }
  for (const char* op : {"==", "!=", "<", "<=", ">", ">="}) {
    check({fmt::format("lambda x: x {} 0.5", op), {f32({kTail}, {-1, 1})}, kExact});
    check({fmt::format("lambda x: x {} 1", op), {i32({kTail}, {-2, 2, 0.1})}, kExact});
  }
}

TEST_CASE("logical builtins and predicates are exact", "[jit][differential]") {
  for (const char* name : {"logical_and", "logical_or", "logical_xor"}) {
    std::string source = fmt::format("lambda x, y: {}(x, y)", name);
    check({source, {boolean(), boolean()}, kExact});
    check({source, {f32({kTail}, {-1, 1, 0.3}), i32({kTail}, {-1, 1, 0.1})}, kExact});
  }
  check({"lambda x: logical_not(x)", {boolean()}, kExact});
  check({"lambda x: logical_not(x)", {f32({kTail}, {-1, 1, 0.3})}, kExact});
  check({"lambda x, y: (x & y) | ~x ^ y", {boolean(), boolean()}, kExact});
  check({"lambda x, y: (x & y) | ~x ^ y", {i32(), i32()}, kExact});
  check({"lambda x, y: x and not y or y", {boolean(), boolean()}, kExact});
  for (const char* name : {"isnan", "isinf", "isfinite"}) {
    std::string source = fmt::format("lambda x: {}(x)", name);
    check_both_widths(source, DType::Float32, kExact, {-4, 4, 0.3});
    check({source, {f64({kTail}, {-4, 4, 0.3})}, kExact});
    check({source, {i32()}, kExact});
  }
}

TEST_CASE("where clip clip_by_value cast and identity match the interpreter", "[jit][differential]") {
  check({"lambda c, x, y: where(c, x, y)", {boolean(), f32(), f32()}, kExact});
  check({"lambda c, x, y: where(c, x, y)", {f32({kTail}, {-1, 1, 0.3}), i32(), f64()}, kExact});
  check({"lambda x: where(x > 0, x, 0.1 * x)", {f32({kWide})}, kExact}, {1, 3, 0});
  check({"lambda x, y: where(x > y, x, y)", {i32(), i32({1})}, kExact});
  check({"lambda x: x if x > 0 else -x", {f32()}, kExact});
  check({"lambda x: clip(x, -1.5, 2)", {f32()}, kExact});
  check({"lambda x: clip(x, -1, 2)", {i32()}, kExact});
  check({"lambda x: clip(x, min_value=-0.5, max_value=0.5)", {f32()}, kExact});
  check({"lambda x: clip_by_value(x, -2.0, 3.0)", {f32()}, kExact});
  check({"lambda x: identity(x)", {f32()}, kExact});
  const DType all[] = {DType::Bool, DType::Int32, DType::Int64, DType::Float32, DType::Float64};
  for (DType from : all)
    for (DType to : all) {
      In in{from, {kTail}, from == DType::Bool ? Values{} : Values{-300, 300, 0.2}};
      check({fmt::format("lambda x: cast(x, \"{}\")", dtype_name(to)), {in}, kExact});
    }
  check({"lambda x: cast(x, \"int32\")", {f32({kWide}, {-3e9, 3e9, 0.1})}, kExact}, {1, 3, 0});
}

TEST_CASE("every activation matches the interpreter", "[jit][differential]") {
  const char* sources[] = {
      "relu(x)",           "relu(x, alpha=0.1)",     "relu(x, max_value=2.5)", "relu(x, threshold=0.5)",
      "relu(x, 0.2, 3.0, 0.25)", "relu6(x)",         "leaky_relu(x)",          "leaky_relu(x, alpha=0.3)",
      "elu(x)",            "elu(x, alpha=0.5)",      "selu(x)",                "celu(x)",
      "celu(x, alpha=2.0)", "gelu(x)",               "gelu(x, approximate=True)", "sigmoid(x)",
      "hard_sigmoid(x)",   "softplus(x)",            "softsign(x)",            "silu(x)",
      "swish(x)",          "mish(x)",                "hard_silu(x)",           "hard_swish(x)",
      "log_sigmoid(x)",    "exponential(x)",         "linear(x)",
  };
  for (const char* s : sources) {
    std::string source = fmt::format("lambda x: {}", s);
    check_both_widths(source, DType::Float32, kTranscendental, {-8, 8});
    check({source, {f64({kTail}, {-8, 8})}, kTranscendental});
  }
  check({"lambda x: relu(x)", {i32()}, kExact});
}

TEST_CASE("softmax and log_softmax match the interpreter over every axis", "[jit][differential]") {
  Values v = reduction_values(-10, 10);
  v.special_rate = 0.02;  // NaN and ±inf rows too
  for (const char* fn : {"softmax", "log_softmax"}) {
    check({fmt::format("lambda x: {}(x)", fn), {f32({kTail}, v)}, reduction(kTail, 1, kTranscendental)});
    check({fmt::format("lambda x: {}(x)", fn), {f32({kWide}, v)}, reduction(kWide, 1, kTranscendental)}, {1, 3, 0});
    check({fmt::format("lambda x: {}(x, axis=1)", fn), {f32({5, 19}, v)}, reduction(5, 1, kTranscendental)});
    check({fmt::format("lambda x: {}(x, axis=(1, 2))", fn), {f32({5, 19}, v)}, reduction(95, 1, kTranscendental)});
    check({fmt::format("lambda x: {}(x, axis=0)", fn), {f32({7}, v)}, reduction(17, 1, kTranscendental)});
  }
}

TEST_CASE("every reduction matches the interpreter over trailing inner and batch axes", "[jit][differential]") {
  // sum-like reductions: tolerance from the reduced length and the value range.
  struct Axis { const char* text; int64_t length; };
  const Axis axes[] = {{"", 17 * 5 * 19}, {", axis=-1", 19}, {", axis=1", 5}, {", axis=(1, 2)", 95},
                       {", axis=0", 17}, {", axis=-1, keepdims=True", 19}, {", axis=1, keepdims=True", 5},
                       {", axis=None, keepdims=True", 17 * 5 * 19}};
  Values v = reduction_values();
  for (const Axis& a : axes) {
    for (const char* fn : {"sum", "reduce_sum", "mean", "reduce_mean"})
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {f32({5, 19}, v)}, reduction(a.length, 4)});
    for (const char* fn : {"var", "variance", "reduce_variance", "std", "reduce_std"})
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {f32({5, 19}, v)}, reduction(a.length, 16)});
    for (const char* fn : {"logsumexp", "reduce_logsumexp"})
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {f32({5, 19}, v)},
             reduction(a.length, 1, kTranscendental)});
    for (const char* fn : {"prod", "reduce_prod"})
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {f32({5, 19}, reduction_values(0.5, 1.5))},
             reduction(a.length, 1)});
    for (const char* fn : {"max", "min", "amax", "amin", "reduce_max", "reduce_min"}) {
      std::string source = fmt::format("lambda x: {}(x{})", fn, a.text);
      check({source, {f32({5, 19}, {-4, 4, 0.05})}, kSameValue});
      check({source, {i32({5, 19})}, kExact});
      check({source, {boolean({5, 19})}, kExact});
    }
    for (const char* fn : {"sum", "prod"}) {
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {i32({5, 19})}, kExact});
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {i64({5, 19})}, kExact});
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {boolean({5, 19})}, kExact});
    }
    for (const char* fn : {"any", "all", "reduce_any", "reduce_all"}) {
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {boolean({5, 19})}, kExact});
      check({fmt::format("lambda x: {}(x{})", fn, a.text), {f32({5, 19}, {-1, 1, 0.5})}, kExact});
    }
    for (const char* ord : {"1", "2", "inf"})
      check({fmt::format("lambda x: norm(x, ord={}{})", ord, a.text), {f32({5, 19}, v)}, reduction(a.length, 16)});
  }
  // Wide rows: the reduction of a tiled-size row and a masked tail.
  check({"lambda x: sum(x, axis=-1)", {f32({kWide}, v)}, reduction(kWide, 4)}, {1, 3, 0});
  check({"lambda x: max(x, axis=-1, keepdims=True) - x", {f32({kWide}, v)}, kExact}, {1, 3, 0});
  check({"lambda x: l2_normalize(x)", {f32({kWide}, v)}, reduction(kWide, 1)}, {1, 3, 0});
  // NaN and ±inf among the summed values.
  Values with_nan{-4, 4, 0.1};
  with_nan.specials_huge = false;
  check({"lambda x: sum(x, axis=-1)", {f32({kTail}, with_nan)}, reduction(kTail, 4)});
}

TEST_CASE("argmax argmin cumsum cumprod and l2_normalize match the interpreter", "[jit][differential]") {
  for (const char* fn : {"argmax", "argmin"}) {
    for (const char* axis : {"", ", axis=-1", ", axis=1", ", axis=0", ", axis=1, keepdims=True"}) {
      // Over the batch, a batch of 0 is an error whose kind the engines disagree on
      // (runtime_errors.cpp): those run from batch 1.
      std::vector<int64_t> batches = {1, 3, 17};
      if (std::string(axis) != "" && std::string(axis) != ", axis=0") batches.push_back(0);
      check({fmt::format("lambda x: {}(x{})", fn, axis), {f32({5, 19}, {-4, 4, 0.05})}, kExact}, batches);
      check({fmt::format("lambda x: {}(x{})", fn, axis), {i32({5, 19})}, kExact}, batches);
      check({fmt::format("lambda x: {}(x{})", fn, axis), {boolean({5, 19})}, kExact}, batches);
    }
  }
  for (const char* fn : {"cumsum", "cumprod"})
    for (const char* axis : {"", ", axis=-1", ", axis=1", ", axis=0"}) {
      check({fmt::format("lambda x: {}(x{})", fn, axis), {f32({5, 19}, reduction_values(0.5, 1.5))}, reduction(200, 2)});
      check({fmt::format("lambda x: {}(x{})", fn, axis), {i32({5, 19})}, kExact});
      check({fmt::format("lambda x: {}(x{})", fn, axis), {boolean({5, 19})}, kExact});
    }
  for (const char* axis : {"", ", axis=1", ", axis=0", ", axis=(1, 2)", ", epsilon=0.5"})
    check({fmt::format("lambda x: l2_normalize(x{})", axis), {f32({5, 19}, reduction_values())}, reduction(100, 1)});
}

TEST_CASE("every shape and data movement builtin is exact", "[jit][differential]") {
  const char* one_input[] = {
      "concatenate([x, -x], axis=-1)", "concat([x, x])",
      "stack([x, x], axis=-1)",
      "reshape(x, (-1, 19))", "reshape(x, (None, 95))", "reshape(x, (None, 5, 19, 1))", "reshape(x, (None, 19, 5))",
      "transpose(x)", "transpose(x, (0, 2, 1))", "transpose(x, axes=(1, 0, 2))", "permute_dimensions(x, (0, 2, 1))",
      "expand_dims(x, 1)", "expand_dims(x, -1)", "squeeze(expand_dims(x, 2), axis=2)", "squeeze(x[:, :1])",
      "flatten(x)", "batch_flatten(x)", "ravel(x)",
      "repeat(x, 2, axis=1)", "repeat(x, 3, axis=2)", "repeat(x, 2)", "repeat(x, 2, axis=0)",
      "tile(x, (1, 2, 1))", "tile(x, 2)", "tile(x, (2, 1, 1))",
      "broadcast_to(x[:, :1], shape(x))", "broadcast_to(x[:, None], (shape(x)[0], 2, 5, 19))",
      "split(x, 5, axis=1)", "split(x, [3, 10], axis=2)", "split(x, [1], axis=-1)",
      "zeros_like(x)", "ones_like(x)", "full_like(x, 2.5)", "zeros_like(x, dtype=\"int32\")",
      "full_like(x, 7, dtype=\"int64\")", "x * shape(x)[0]", "x + shape(x)[2]", "x * ndim(x)", "x + size(x)",
      "x[:, ::-1]", "x[:, 1:-1:2, ::-3]", "x[..., 1:3]", "x[:, None]", "x[:, 0]", "x[:, -1, 4]", "x[::-1]",
      "x[1:]", "x[:, 3:1:-1]", "x[:, :, None, 2:9]",
  };
  for (const char* s : one_input) {
    std::string source = fmt::format("lambda x: {}", s);
    check({source, {f32({5, 19}, {-4, 4, 0.1})}, kExact});
    check({source, {i64({5, 19})}, kExact});
  }
  // Tiled rows: reversed and strided slices, and a slice ending in a masked tail.
  for (const char* s : {"x[:, ::-1]", "x[:, 7:-5:2] * 2", "x[:, ::-3] - 1", "x[:, 4100:]", "where(x[:, ::-1] > 0, x, -x)"})
    check({fmt::format("lambda x: {}", s), {f32({kWide})}, kExact}, {1, 3, 0});
  check({"lambda x, y: concat([x, cast(y, \"float32\")], axis=-1)", {f32({3, 7}), i32({3, 2})}, kExact});
  check({"lambda x, y: stack([x, y], axis=2)", {i32({6}), i32({6})}, kExact});
  check({"lambda x: transpose(x)", {boolean({4})}, kExact});
}

TEST_CASE("every linear algebra builtin matches the interpreter", "[jit][differential]") {
  Values v = reduction_values(-2, 2);
  check({"lambda x, y: matmul(x, y)", {f32({5, 7}, v), f32({7, 3}, v)}, reduction(7, 4)});
  check({"lambda x, y: x @ y", {f32({5, 7}, v), f32({7, 3}, v)}, reduction(7, 4)});
  check({"lambda x: x @ transpose(x, (0, 2, 1))", {f32({4, 6}, v)}, reduction(6, 4)});
  check({"lambda x, y: dot(x, y)", {f32({7}, v), f32({7, 3}, v)}, reduction(7, 4)});
  check({"lambda x: tensordot(x, eye(7, 3) + 0.5, axes=1)", {f32({7}, v)}, reduction(7, 4)});
  check({"lambda x, y: batch_dot(x, y, axes=1)", {f32({7}, v), f32({7}, v)}, reduction(7, 4)});
  check({"lambda x, y: batch_dot(x, y, axes=(2, 1))", {f32({3, 7}, v), f32({7, 2}, v)}, reduction(7, 4)});
  check({"lambda x, y: einsum(\"bi,bi->b\", x, y)", {f32({7}, v), f32({7}, v)}, reduction(7, 4)});
  check({"lambda x: einsum(\"bij->bji\", x)", {f32({3, 7}, v)}, kExact});
  check({"lambda x, y: matmul(x, y)", {i32({5, 7}), i32({7, 3})}, kExact});
  check({"lambda x: relu(x @ transpose(x, (0, 2, 1)) + 1.0)", {f32({4, 6}, v)}, reduction(6, 4)});
}

TEST_CASE("every gathering and building builtin matches the interpreter", "[jit][differential]") {
  Values idx{0, 4, 0};  // valid indices along an axis of size 5
  check({"lambda x, i: take(x, i, axis=1)", {f32({5, 3}), i32({2}, idx)}, kExact});
  check({"lambda x, i: take(x, i)", {f32({5}), i32({3}, {0, 4, 0})}, kExact});
  check({"lambda x, i: gather(x, i)", {f32({5}), i32({3}, {0, 0, 0})}, kExact});
  check({"lambda x, i: take_along_axis(x, i, axis=1)", {f32({5, 3}), i64({5, 3}, idx)}, kExact});
  check({"lambda i: one_hot(i, 6)", {i32({4}, {-1, 6, 0})}, kExact});
  check({"lambda i: one_hot(i, depth=3) * 2.0", {i64({4}, {-1, 3, 0})}, kExact});
  check({"lambda x: pad(x, ((0, 0), (1, 2)))", {f32({kTail})}, kExact});
  check({"lambda x: pad(x, ((0, 0), (2, 0), (0, 3)), constant_values=-1.5)", {f32({3, 5})}, kExact});
  check({"lambda x: x + arange(37)", {f32()}, kExact});
  check({"lambda x: x * arange(1, 38)", {i32()}, kExact});
  check({"lambda x: x - arange(0.0, 3.7, 0.1)", {f32()}, kExact});
  check({"lambda x: tril(x)", {f32({6, 6})}, kExact});
  check({"lambda x: triu(x, k=1)", {f32({6, 9})}, kExact});
  check({"lambda x: tril(x, -2)", {i32({7, 4})}, kExact});
  check({"lambda x: top_k(x, 3)", {f32({kTail}, {-4, 4, 0.0})}, kExact});
  check({"lambda x: top_k(x, 5, sorted=True)[1]", {i32({kTail}, {-3, 3, 0})}, kExact});
  check({"lambda x: x @ eye(37)", {f32({kTail}, reduction_values())}, reduction(37, 4)});
  check({"lambda x: x + eye(5, 7, k=1)", {f32({5, 7})}, kExact});
  check({"lambda x: x * zeros((37,)) + ones(37) + full((37,), 2.5)", {f32()}, kExact});
  check({"lambda x: x + full((1, 37), 3, dtype=\"int32\")", {i32()}, kExact});
}

TEST_CASE("random builtins and params give the same values from both engines", "[jit][differential]") {
  check({"lambda x: x + random_normal(shape(x), seed=3)", {f32()}, kExact});
  check({"lambda x: x * random_uniform((37,), minval=-1, maxval=2, seed=7)", {f32()}, kExact});
  check({"lambda x: normal((2, 37), mean=1.0, stddev=0.5, seed=1) + x[:, None]", {f32()}, kExact});
  check({"lambda x: uniform(shape(x), seed=11) < 0.5", {f32()}, kExact});
  check({"lambda x:\n  scale = param(shape=(), init=1.5)\n  bias = param(shape=(37,), init=0.25)\n  return x * scale + bias",
         {f32()}, kExact});
}

namespace {

/// Runs `source` on one row of given values through both engines; returns the JIT's row.
std::vector<double> run_row(const std::string& source, const std::vector<std::vector<double>>& rows) {
  std::vector<std::string> names = Lambda::parameter_names(source);
  std::vector<InputSignature> sigs;
  std::vector<Tensor> inputs;
  for (size_t i = 0; i < rows.size(); ++i) {
    auto n = static_cast<int64_t>(rows[i].size());
    sigs.push_back({names[i], DType::Float32, {std::nullopt, n}});
    Tensor t = Tensor::zeros(DType::Float32, {1, n});
    for (int64_t j = 0; j < n; ++j) t.set_f64(j, rows[i][static_cast<size_t>(j)]);
    inputs.push_back(t);
  }
  Lambda f = Lambda::compile(source, sigs);
  Outcome r = compare(f, source, inputs, kExact);
  INFO(r.report);
  CHECK(r.ok);
  Tensor out = f.run(inputs, Engine::Jit).at(0);
  std::vector<double> v;
  for (int64_t j = 0; j < out.size(); ++j) v.push_back(out.get_f64(j));
  return v;
}

bool same_bits(double a, double b) { return std::signbit(a) == std::signbit(b) && (a == b || (a != a && b != b)); }

constexpr double kInfD = std::numeric_limits<double>::infinity();

}  // namespace

// Values from NumPy 1.24: np.sign(-0.) is 0., np.maximum(-0., 0.) is -0. (the first
// operand when equal), np.floor_divide(-1., inf) is -1., np.mod(-4., 2.) is 0.,
// np.mod(4., -2.) is -0., np.floor_divide(-0., 3.) is -0.
TEST_CASE("sign maximum minimum floor_divide and mod treat signed zeros and infinities as NumPy", "[jit][differential]") {
  std::vector<double> s = run_row("lambda x: sign(x)", {{-0.0, 0.0, -2.0, 3.0}});
  CHECK(same_bits(s[0], 0.0));
  CHECK(same_bits(s[1], 0.0));
  CHECK(s[2] == -1.0);
  CHECK(s[3] == 1.0);
  std::vector<double> mx = run_row("lambda x, y: maximum(x, y)", {{-0.0, 0.0, 1.0}, {0.0, -0.0, 2.0}});
  CHECK(same_bits(mx[0], -0.0));
  CHECK(same_bits(mx[1], 0.0));
  CHECK(mx[2] == 2.0);
  std::vector<double> mn = run_row("lambda x, y: minimum(x, y)", {{-0.0, 0.0, 1.0}, {0.0, -0.0, 2.0}});
  CHECK(same_bits(mn[0], -0.0));
  CHECK(same_bits(mn[1], 0.0));
  CHECK(mn[2] == 1.0);
  std::vector<double> fd = run_row("lambda x, y: floor_divide(x, y)", {{-1.0, 1.0, -0.0, 7.0, -7.0}, {kInfD, -kInfD, 3.0, 2.0, 2.0}});
  CHECK(fd[0] == -1.0);
  CHECK(fd[1] == -1.0);
  CHECK(same_bits(fd[2], -0.0));
  CHECK(fd[3] == 3.0);
  CHECK(fd[4] == -4.0);
  std::vector<double> md = run_row("lambda x, y: mod(x, y)", {{-4.0, 4.0, -1.0, 7.5, -7.5}, {2.0, -2.0, kInfD, 2.0, 2.0}});
  CHECK(same_bits(md[0], 0.0));
  CHECK(same_bits(md[1], -0.0));
  CHECK(md[2] == kInfD);
  CHECK(md[3] == 1.5);
  CHECK(md[4] == 0.5);
}

// --- bugs these tests found: regressions for the fixed ones, [!mayfail] for any open ones ---

// Fixed: a tiled kernel (a row wider than 4096) ran every store stage over the
// whole tile, ignoring the [inner_lo, inner_lo + inner) range a concatenation
// split set: stage 0 read past its input's row, stage 1 overwrote the first half.
TEST_CASE("concatenation along the last axis of rows wider than a tile", "[jit][differential]") {
  check({"lambda x: concat([x, -x], axis=-1)", {f32({2100})}, kExact}, {1, 3});
  check({"lambda x: concatenate([x, x[:, ::-1]], axis=-1)", {f32({2500})}, kExact}, {1, 3});
}

// Fixed: a concatenation along an axis that is a row dim of its kernel (a
// non-last axis; or the last axis of a result whose kernel took its rows from a
// reduction among the operands) threw Rematerialize for itself as the kernel's
// root, and the fusion planner retried forever. The watchdog turns a hang into a failure.
TEST_CASE("concatenation and stack along a non-last axis compile without hanging", "[jit][differential]") {
  const char* sources[] = {"concat([x, x * 2], axis=1)", "concat([x, x], axis=0)", "stack([x, -x])",
                           "stack([x, -x], axis=1)", "concatenate([x[:, :2], x[:, 3:], x[:, 1:2]], axis=1)",
                           // the reduction's rows (batch, 5) make axis -1 of the result a row axis
                           "concat([sum(x, axis=2), x[:, :, 0]], axis=-1)"};
  for (const char* s : sources) {
    std::string source = fmt::format("lambda x: {}", s);
    std::mt19937_64 rng(1);
    std::optional<Outcome> r = compare_within(20, source, {{"x", DType::Float32, {std::nullopt, 5, 19}}},
                                              {random_tensor(rng, DType::Float32, {3, 5, 19})},
                                              // a float sum adds in a different order in each engine
                                              std::string(s).find("sum") != std::string::npos ? kArithmetic : kExact);
    INFO(source);
    REQUIRE(r.has_value());  // a hang: stop here, the thread keeps spinning
    INFO(r->report);
    CHECK(r->ok);
  }
  std::mt19937_64 rng(2);
  std::string source = "lambda x, y: concat([x, y], axis=1)";
  std::optional<Outcome> r = compare_within(
      20, source, {{"x", DType::Float32, {std::nullopt, 3, 7}}, {"y", DType::Float32, {std::nullopt, 4, 7}}},
      {random_tensor(rng, DType::Float32, {3, 3, 7}), random_tensor(rng, DType::Float32, {3, 4, 7})}, kExact);
  INFO(source);
  REQUIRE(r.has_value());
  INFO(r->report);
  CHECK(r->ok);
}

// x / d with d fixed for the row (a constant, a reduction result) must stay a
// correctly rounded division (a multiply by 1 / d is 1 ulp off, and wrong when
// 1 / d overflows or is subnormal).
TEST_CASE("division by a value fixed for the row is correctly rounded", "[jit][differential]") {
  check({"lambda x: x / 2.5", {f32()}, kExact}, {1, 3});
  check({"lambda x: x / 3", {f32()}, kExact}, {1, 3});
  check({"lambda x: hard_sigmoid(x)", {f32()}, kExact}, {1, 3});
  std::vector<double> q = run_row("lambda x: x / 1e-40", {{1e-39, 2e-39}});  // 1 / 1e-40 overflows float32
  CHECK(q[0] == Approx(static_cast<double>(1e-39f / 1e-40f)).epsilon(1e-6));  // the operands are float32 subnormals
  std::vector<double> r = run_row("lambda x: x / sum(x, axis=-1, keepdims=True)", {{3e38, 1e37}});
  CHECK(r[0] == Approx(3e38 / 3.1e38).epsilon(1e-6));
}

// Fixed: the interpreter re-infers shapes on the concrete inputs, where a -1 in
// reshape is ambiguous at batch 0, and raised a Shape error; the compiled type
// (None, 95) already fixed it, and the JIT returns a (0, 95) result. Re-inference
// now keeps a -1 the static type fixed when both sides are empty.
TEST_CASE("reshape with an inferred size runs at batch 0 in both engines", "[jit][differential]") {
  check({"lambda x: reshape(x, (None, -1))", {f32({5, 19})}, kExact}, {0});
  check({"lambda x: reshape(x[:, :, None], (None, -1))", {f32({7})}, kExact}, {0});
}

// Fixed: the lowering types tensordot((None, 7), (None, 7, 3), axes=1) as a matmul
// (None, 7) @ (None, 21) that is only valid when the batch is 7. The interpreter
// re-checked the shapes at run time and refused other batches with a Shape error
// (now Runtime); the JIT ran its matmul step on the (1, 7) and (1, 21) buffers
// without a check, reading past the second one (its GEMM step now checks).
TEST_CASE("a contraction valid only for some batch sizes is checked at run time by the JIT", "[jit][differential]") {
  Lambda f = Lambda::compile("lambda x, y: tensordot(x, y, axes=1)",
                             {{"x", DType::Float32, {std::nullopt, 7}}, {"y", DType::Float32, {std::nullopt, 7, 3}}});
  std::vector<Tensor> in = {Tensor::zeros(DType::Float32, {1, 7}), Tensor::zeros(DType::Float32, {1, 7, 3})};
  try {
    f.run(in, Engine::Jit);
    FAIL_CHECK("the JIT ran a (1, 7) @ (1, 21) matmul");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Runtime);
    CHECK_THAT(e.message(), Catch::Matchers::Contains("contracted dimensions 7 and 1 differ"));
  }
}

// Fixed: concatenating operands with a zero-size axis (x[:, 1:] of a (None, 1)
// input) made Planner::build_store split the store stage at the boundary over
// and over (the empty stage never fits one operand): unbounded recursion, a
// stack overflow. Run in a child process, so a crash fails only this test.
TEST_CASE("concatenating empty operands does not crash the JIT", "[jit][differential]") {
  std::mt19937_64 rng(3);
  Tensor x = random_tensor(rng, DType::Float32, {3, 1});
  for (const char* s : {"concatenate([x[:, 1:], x[:, 1:]], axis=-1)", "concat([x[:, 1:] * 2, x], axis=-1)"}) {
    std::string source = fmt::format("lambda x: {}", s);
    INFO(source);
    CHECK(compare_in_child(30, source, {{"x", DType::Float32, {std::nullopt, 1}}}, {x}, kExact) == "passed");
  }
}
