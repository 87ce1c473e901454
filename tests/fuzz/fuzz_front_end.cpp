// Fuzzes the front end: any byte string goes through the lexer, the parser, the
// lowering to the tensor IR and its shape inference, and must either compile or
// raise lamina::Error. Programs that compile and stay small are then run by the
// reference interpreter on a few awkward values (NaN, inf, 0, negatives).
//
// A finding is anything else: a crash, a sanitizer report, a hang, a leak, an
// exception that is not a lamina::Error, an Error of kind Internal, or a
// disagreement between the two lowerings (symbolic batch vs. concrete shapes).
// See tests/fuzz/README.md for how to build and run it.
//
// It calls the pipeline stages directly rather than the public Lambda API, so
// it links neither the JIT nor LLVM.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dsl/lexer.h"
#include "dsl/parser.h"
#include "interp/interpret.h"
#include "ir/printer.h"
#include "lamina/error.h"
#include "lamina/lambda.h"
#include "passes/lower.h"

using namespace lamina;

namespace {

/// Programs whose IR holds a value larger than this are compiled but not run, so that
/// `zeros((100000, 100000))` is a legitimate program rather than an out-of-memory finding.
constexpr int64_t kMaxRunElements = 100'000;
/// The sum over all IR values: bounds the interpreter's memory and time per input.
constexpr int64_t kMaxRunTotalElements = 1'000'000;
constexpr int64_t kBatch = 2;

/// LAMINA_FUZZ_TRACE=1 prints how far each input got (when replaying a few inputs by hand).
bool tracing() {
  static const bool on = std::getenv("LAMINA_FUZZ_TRACE") != nullptr;
  return on;
}
void trace(const char* what) {
  if (tracing()) std::fprintf(stderr, "fuzz_front_end: %s\n", what);
}

[[noreturn]] void finding(const std::string& what, const std::string& source) {
  std::fprintf(stderr, "FINDING: %s\nsource (%zu bytes):\n%s\n", what.c_str(), source.size(), source.c_str());
  std::abort();
}

/// Calls `stage`; a lamina::Error is the expected way to refuse bad input, unless it
/// claims to be a bug in Lamina. Its diagnostic is formatted with the source quoted,
/// as every host prints it. Returns false when the stage refused the input.
template <class F>
bool attempt(const std::string& source, const char* stage_name, F&& stage) {
  try {
    stage();
    return true;
  } catch (const Error& e) {
    std::string shown = e.with_source(source).what();
    if (tracing()) std::fprintf(stderr, "fuzz_front_end: %s refused the input:\n%s\n", stage_name, shown.c_str());
    if (e.kind() == ErrorKind::Internal) finding(std::string(stage_name) + " raised an internal error: " + shown, source);
    return false;
  } catch (const std::exception& e) {
    finding(std::string(stage_name) + " threw a non-lamina exception: " + e.what(), source);
  } catch (...) {
    finding(std::string(stage_name) + " threw an unknown exception", source);
  }
}

/// The input names the lowering expects (as Lambda::parameter_names gives them).
std::vector<std::string> parameter_names(const ast::Program& p) {
  if (!p.has_header) return {"x"};
  std::vector<std::string> names;
  for (const ast::Target& t : p.params) names.push_back(t.name);
  return names;
}

/// One signature per parameter: a batch of unknown size, then dims that vary with the
/// input's length (rank 1, 2 or 3; 1 to 5 features), so shape checks see matching and
/// mismatching operands. The first input is float32; later ones cycle through the other
/// dtypes to reach the promotion rules.
std::vector<InputSignature> signatures(const std::vector<std::string>& names, size_t size) {
  static const DType kDtypes[] = {DType::Float32, DType::Int32, DType::Bool, DType::Float64, DType::Int64};
  std::vector<std::optional<int64_t>> shape = {std::nullopt};
  int64_t features = 1 + static_cast<int64_t>(size % 5);
  switch ((size / 5) % 4) {
    case 0:
    case 1: shape.push_back(features); break;
    case 2: shape.insert(shape.end(), {features, 1 + static_cast<int64_t>(size % 3)}); break;
    default: break;  // rank 1: the batch alone
  }
  std::vector<InputSignature> inputs;
  for (size_t i = 0; i < names.size(); ++i) {
    DType dtype = i == 0 ? DType::Float32 : kDtypes[(i + size / 20) % 5];
    inputs.push_back({names[i], dtype, shape});
  }
  return inputs;
}

/// Names bound from outside as a Keras Lambda's `arguments` would be (see dsl.dict):
/// a scalar, an integer, a list usable as a shape or axes, and a small constant matrix.
std::map<std::string, Argument> arguments(size_t size) {
  int64_t features = 1 + static_cast<int64_t>(size % 5);
  Tensor w = Tensor::zeros(DType::Float32, {features, features});
  for (int64_t i = 0; i < w.size(); ++i) w.set_f64(i, 0.25 * static_cast<double>(i % 7) - 0.5);
  return {{"scale", 0.5}, {"n", 2}, {"dims", Argument::List{Argument(1), Argument(-1)}}, {"w", w}};
}

/// True when every value of `f` has a known shape and the values are small enough to run.
bool small_enough_to_run(const ir::Function& f) {
  int64_t total = 0;
  for (const ir::Node& n : f.nodes) {
    if (!ir::fully_known(n.type.shape)) return false;
    int64_t count = 1;
    for (ir::Dim d : n.type.shape)
      if (d.value() < 0 || __builtin_mul_overflow(count, d.value(), &count) || count > kMaxRunElements) return false;
    total += count;
    if (total > kMaxRunTotalElements) return false;
  }
  return true;
}

/// A tensor of `sig`'s dtype with batch kBatch, filled with values that stress the math.
Tensor make_input(const InputSignature& sig) {
  static const double kValues[] = {1.5, -2.0, 0.0, std::numeric_limits<double>::quiet_NaN(), 3.0,
                                   -0.5, std::numeric_limits<double>::infinity(), 7.0};
  Dims dims;
  for (const auto& d : sig.shape) dims.push_back(d ? *d : kBatch);
  Tensor t = Tensor::zeros(sig.dtype, dims);
  for (int64_t i = 0; i < t.size(); ++i) {
    double v = kValues[i % 8];
    if (!is_float(sig.dtype) && !std::isfinite(v)) v = -3;  // NaN/inf do not convert to integers
    t.set_f64(i, v);
  }
  return t;
}

bool same_bits(const Tensor& a, const Tensor& b) {
  if (a.dtype() != b.dtype() || a.dims() != b.dims()) return false;
  for (int64_t i = 0; i < a.size(); ++i) {
    double x = a.get_f64(i), y = b.get_f64(i);
    if (!(x == y || (std::isnan(x) && std::isnan(y)))) return false;
  }
  return true;
}

bool has_random(const ir::Function& f) {
  for (const ir::Node& n : f.nodes)
    if (n.op == ir::Op::RandomNormal || n.op == ir::Op::RandomUniform) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);

  attempt(source, "lex", [&] { (void)format_tokens(lex(source)); });

  std::optional<ast::Program> program;
  if (!attempt(source, "parse", [&] { program = parse(source); })) return 0;
  (void)ast::format_ast(*program);

  // Lower with a symbolic batch: shape inference on unknown dims.
  std::vector<InputSignature> inputs = signatures(parameter_names(*program), size);
  const std::map<std::string, Argument> args_bound = arguments(size);
  ir::Function symbolic;
  if (!attempt(source, "lower", [&] { symbolic = lower_to_ir(*program, inputs, args_bound); })) return 0;
  (void)ir::format_function(symbolic);

  // Lower again with every shape concrete (as the JIT specialises), then run both.
  std::vector<InputSignature> concrete_inputs = inputs;
  for (InputSignature& sig : concrete_inputs) sig.shape[0] = kBatch;
  ir::Function concrete;
  if (!attempt(source, "lower (concrete shapes)", [&] { concrete = lower_to_ir(*program, concrete_inputs, args_bound); }))
    return 0;  // a concrete batch may expose a shape error the symbolic one could not
  (void)ir::format_function(concrete);
  if (!small_enough_to_run(concrete)) {
    trace("compiled; too large to run");
    return 0;
  }

  std::vector<Tensor> args;
  for (const InputSignature& sig : inputs) args.push_back(make_input(sig));
  std::vector<Tensor> out_concrete, out_symbolic;
  bool ran_concrete = attempt(source, "interpret (concrete shapes)", [&] { out_concrete = interpret(concrete, args); });
  bool ran_symbolic = attempt(source, "interpret", [&] { out_symbolic = interpret(symbolic, args); });
  if (!ran_concrete || !ran_symbolic) return 0;  // e.g. an index out of range on the actual sizes
  trace("compiled and ran");

  if (out_concrete.size() != out_symbolic.size()) finding("the two lowerings give different result counts", source);
  bool compare_values = !has_random(concrete) && !has_random(symbolic);
  for (size_t i = 0; i < out_concrete.size(); ++i) {
    const Tensor& a = out_concrete[i];
    const Tensor& b = out_symbolic[i];
    if (a.dtype() != b.dtype() || a.dims() != b.dims())
      finding("result " + std::to_string(i) + " has dtype/shape " + std::string(dtype_name(b.dtype())) +
                  format_dims(b.dims()) + " with a symbolic batch but " + std::string(dtype_name(a.dtype())) +
                  format_dims(a.dims()) + " with concrete shapes",
              source);
    const ir::Type& declared = concrete.type(concrete.outputs[i]);
    if (declared.dtype != a.dtype() || ir::to_dims(declared.shape) != a.dims())
      finding("result " + std::to_string(i) + " does not have its inferred type " + ir::format_type(declared), source);
    if (compare_values && !same_bits(a, b))
      finding("result " + std::to_string(i) + " differs between the symbolic and the concrete lowering", source);
  }
  return 0;
}
