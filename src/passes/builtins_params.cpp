// param(): trainable weights declared in the body, with Keras initializers.
//
//   scale = param(shape=(), init=1.0)
//   w = param(shape=(64, 10), init="glorot_uniform")
//
// Each call adds an ir::ParamInfo (named after the assigned variable) and an
// Op::Param node. Initial values are computed here, at compile time, from
// src/core/random.h with the given seed or one derived from the param's name,
// so the same source always starts from the same weights.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "core/did_you_mean.h"
#include "core/random.h"
#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Op;
using ir::ValueId;

namespace {

/// Largest param we create (elements): a typo such as shape=(100000, 100000)
/// should be an error, not an allocation failure.
constexpr int64_t kMaxParamElements = int64_t{1} << 28;

/// A nested list of Python numbers, or a constant tensor, as a tensor (float64
/// for lists); nullopt for anything else.
std::optional<Tensor> literal(Lowerer& L, const Value& v) {
  if (v.is_tensor()) {
    const ir::Node& n = L.function().node(v.id);
    if (n.op == Op::Constant) return n.attrs.value;
    return std::nullopt;
  }
  if (!v.is_sequence()) return std::nullopt;
  Dims dims;
  std::vector<double> flat;
  std::function<bool(const Value&, size_t)> walk = [&](const Value& x, size_t depth) {
    if (x.is_scalar()) {
      if (depth != dims.size()) return false;
      flat.push_back(x.kind == Value::Kind::Float ? x.f : static_cast<double>(x.i));
      return true;
    }
    if (!x.is_sequence()) return false;
    int64_t n = static_cast<int64_t>(x.items.size());
    if (depth == dims.size()) {
      if (!flat.empty()) return false;  // ragged
      dims.push_back(n);
    } else if (depth > dims.size() || dims[depth] != n) {
      return false;
    }
    for (const Value& item : x.items)
      if (!walk(item, depth + 1)) return false;
    return true;
  };
  if (!walk(v, 0)) return std::nullopt;
  Tensor t = Tensor::zeros(DType::Float64, dims);
  for (size_t i = 0; i < flat.size(); ++i) t.set_f64(static_cast<int64_t>(i), flat[i]);
  return t;
}

/// Keras' fan rule: for rank >= 2 the receptive field is prod(shape[:-2]);
/// fan_in = shape[-2] * rf, fan_out = shape[-1] * rf. Rank 1: both shape[0];
/// rank 0: both 1.
std::pair<double, double> fans(const Dims& shape) {
  if (shape.empty()) return {1, 1};
  if (shape.size() == 1) return {static_cast<double>(shape[0]), static_cast<double>(shape[0])};
  double rf = 1;
  for (size_t i = 0; i + 2 < shape.size(); ++i) rf *= static_cast<double>(shape[i]);
  return {static_cast<double>(shape[shape.size() - 2]) * rf, static_cast<double>(shape.back()) * rf};
}

/// How one initializer fills a param: element i from (seed, i).
using Fill = std::function<double(uint64_t seed, uint64_t i)>;

Fill uniform(double lo, double hi) {
  return [=](uint64_t seed, uint64_t i) { return lo + (hi - lo) * uniform01(seed, i); };
}
Fill gaussian(double stddev) {
  return [=](uint64_t seed, uint64_t i) { return stddev * normal(seed, i); };
}

enum class FanMode { In, Avg };

/// keras.initializers.VarianceScaling: variance scale / n with n the fan.
/// "uniform" draws from +-sqrt(3 scale / n). The normal variants draw from a
/// plain (untruncated) normal with stddev sqrt(scale / n) — Keras truncates at
/// two stddevs and rescales; the plain normal has the same target variance.
Fill variance_scaling(double scale, FanMode mode, bool is_uniform, const Dims& shape) {
  auto [fan_in, fan_out] = fans(shape);
  double n = std::max(1.0, mode == FanMode::In ? fan_in : (fan_in + fan_out) / 2);
  if (is_uniform) {
    double limit = std::sqrt(3 * scale / n);
    return uniform(-limit, limit);
  }
  return gaussian(std::sqrt(scale / n));
}

const std::vector<std::string>& initializer_names() {
  static const std::vector<std::string> names = {
      "zeros",     "ones",         "glorot_uniform", "glorot_normal", "he_uniform",    "he_normal",
      "lecun_uniform", "lecun_normal", "random_normal", "random_uniform"};
  return names;
}

/// "GlorotUniform" and "glorot_uniform" name the same initializer, as in Keras.
std::string canonical(const std::string& name) {
  std::string out;
  for (char c : name)
    if (c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The fill of initializer `name`, or nullopt when there is no such initializer.
std::optional<Fill> initializer(const std::string& name, const Dims& shape) {
  std::string c = canonical(name);
  if (c == "zeros") return Fill([](uint64_t, uint64_t) { return 0.0; });
  if (c == "ones") return Fill([](uint64_t, uint64_t) { return 1.0; });
  if (c == "glorotuniform") return variance_scaling(1, FanMode::Avg, true, shape);
  if (c == "glorotnormal") return variance_scaling(1, FanMode::Avg, false, shape);
  if (c == "heuniform") return variance_scaling(2, FanMode::In, true, shape);
  if (c == "henormal") return variance_scaling(2, FanMode::In, false, shape);
  if (c == "lecununiform") return variance_scaling(1, FanMode::In, true, shape);
  if (c == "lecunnormal") return variance_scaling(1, FanMode::In, false, shape);
  if (c == "randomnormal") return gaussian(0.05);
  if (c == "randomuniform") return uniform(-0.05, 0.05);
  return std::nullopt;
}

/// A seed for a param without one: FNV-1a of its name, mixed.
uint64_t name_seed(const std::string& name) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : name) h = (h ^ c) * 0x100000001b3ULL;
  return mix64(h);
}

std::string where(SourceSpan s) { return fmt::format("{}:{}", s.line, s.column); }

/// The param's name: the assigned variable, or param_<n> for an unnamed one.
std::string param_name(Lowerer& L, SourceSpan span) {
  const auto& params = L.function().params;
  std::string name = L.current_target();
  if (name.empty()) {
    for (size_t n = params.size();; ++n) {
      name = fmt::format("param_{}", n);
      if (std::none_of(params.begin(), params.end(), [&](const ir::ParamInfo& p) { return p.name == name; })) break;
    }
  }
  for (const ir::ParamInfo& p : params)
    if (p.name == name) {
      SourceSpan first = L.function().node(p.node).span;
      L.fail(ErrorKind::Name, span,
             fmt::format("param '{}' is declared twice (at {} and {})", name, where(first), where(span)),
             "give each param its own name");
    }
  return name;
}

Value param(Lowerer& L, const CallArgs& a) {
  SourceSpan s = a.span();
  DType d = a.dtype("dtype").value_or(DType::Float32);
  const Value& init = a["init"];
  std::optional<Tensor> value = literal(L, init);

  // Shape: given (fully known), or the init literal's, or a scalar.
  Dims dims;
  if (a.given("shape")) {
    ir::Shape shape = a.shape("shape");
    if (!ir::fully_known(shape))
      L.fail(ErrorKind::Shape, a.span_of("shape"),
             fmt::format("param() needs a shape known before run time, got {}", ir::format_shape(shape)),
             "a weight cannot depend on the batch size; give fixed sizes, e.g. shape=(64, 10)");
    dims = ir::to_dims(shape);
  } else if (value) {
    dims = value->dims();
  }
  int64_t count = 1;
  for (int64_t n : dims) {
    if (n != 0 && count > kMaxParamElements / n)
      L.fail(ErrorKind::Limit, a.span_of("shape"),
             fmt::format("param() shape {} has more than {} elements", format_dims(dims), kMaxParamElements));
    count *= n;
  }
  if (count > kMaxParamElements)
    L.fail(ErrorKind::Limit, a.span_of("shape"),
           fmt::format("param() shape {} has more than {} elements", format_dims(dims), kMaxParamElements));

  std::string name = param_name(L, s);
  Tensor t = Tensor::zeros(d, dims);
  if (init.is_scalar()) {
    double v = init.kind == Value::Kind::Float ? init.f : static_cast<double>(init.i);
    for (int64_t i = 0; i < count; ++i) t.set_f64(i, v);
  } else if (init.kind == Value::Kind::Str) {
    std::optional<Fill> fill = initializer(init.s, dims);
    if (!fill) {
      std::string hint = fmt::format("supported initializers: {}", fmt::join(initializer_names(), ", "));
      if (auto m = did_you_mean(init.s, initializer_names())) hint = fmt::format("did you mean '{}'? {}", *m, hint);
      L.fail(ErrorKind::Value, a.span_of("init"), fmt::format("unknown initializer '{}'", init.s), hint);
    }
    if (!is_float(d) && canonical(init.s) != "zeros" && canonical(init.s) != "ones")
      L.fail(ErrorKind::Type, a.span_of("init"),
             fmt::format("initializer '{}' draws floats, but the param's dtype is {}", init.s, dtype_name(d)),
             "use dtype=\"float32\", or a number as init");
    uint64_t seed = a.given("seed") ? static_cast<uint64_t>(a.integer("seed")) : name_seed(name);
    for (int64_t i = 0; i < count; ++i) t.set_f64(i, (*fill)(seed, static_cast<uint64_t>(i)));
  } else if (value) {
    if (value->dims() != dims)
      L.fail(ErrorKind::Shape, a.span_of("init"),
             fmt::format("param() init has shape {} but the param's shape is {}", format_dims(value->dims()),
                         format_dims(dims)),
             "give an init of the param's shape, or a single number");
    for (int64_t i = 0; i < count; ++i) t.set_f64(i, value->get_f64(i));
  } else {
    L.fail(ErrorKind::Call, a.span_of("init"),
           fmt::format("param() init must be a number, an initializer name or a list of numbers, but it is {}",
                       describe(init, L.function())),
           "e.g. init=1.0 or init=\"glorot_uniform\"");
  }

  ir::Attrs attrs;
  attrs.index = static_cast<int64_t>(L.function().params.size());
  attrs.dtype = d;
  attrs.shape = ir::to_shape(dims);
  bool trainable = a.boolean("trainable");
  ValueId node = L.b().add(Op::Param, {}, attrs, s);
  ir::ParamInfo info;
  info.name = name;
  info.type = {d, attrs.shape};
  info.init = t;
  info.node = node;
  info.trainable = trainable;
  L.function().params.push_back(std::move(info));
  return Value::tensor(node, s);
}

}  // namespace

void register_params(BuiltinTable& t) {
  t.add("param(shape=None, init=1.0, dtype=\"float32\", trainable=True, seed=None)", param);
}

}  // namespace lamina::lower
