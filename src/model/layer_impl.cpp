// The life cycle every layer shares, on top of its body(): lowering the body
// for the input specs gives the output shapes and the weights (its params),
// and inlining the lowered body is how a layer enters a model's function.

#include "model/layer_impl.h"

#include <algorithm>
#include <mutex>

#include <fmt/format.h>

#include "dsl/parser.h"
#include "ir/dim.h"
#include "ir/inline.h"
#include "passes/lower.h"

namespace lamina::detail {

namespace {

std::string spec_key(const std::vector<TensorSpec>& specs) {
  std::string key;
  for (const TensorSpec& s : specs) key += fmt::format("{}{};", dtype_name(s.dtype), format_shape(s.shape));
  return key;
}

std::string format_specs(const std::vector<TensorSpec>& specs) {
  std::vector<std::string> shapes;
  for (const TensorSpec& s : specs) shapes.push_back(format_shape(s.shape));
  return fmt::format("{}", fmt::join(shapes, ", "));
}

}  // namespace

Shape keras_shape(const ir::Shape& s) {
  Shape out;
  for (const ir::Dim& d : s) out.push_back(d.known() ? std::optional<int64_t>(d.value()) : std::nullopt);
  return out;
}

InputSignature signature(const std::string& name, const TensorSpec& spec) { return {name, spec.dtype, spec.shape}; }

std::string unique_layer_name(const std::string& base) {
  static std::mutex mutex;
  static std::map<std::string, int> used;
  std::lock_guard<std::mutex> lock(mutex);
  int n = used[base]++;
  return n == 0 ? base : fmt::format("{}_{}", base, n);
}

std::string layer_name(const std::string& given, const std::string& base) {
  return given.empty() ? unique_layer_name(base) : given;
}

int mask_input_index(const std::string& name) {
  if (name == "mask") return 0;
  if (name.size() < 6 || name.rfind("mask_", 0) != 0) return -1;
  int i = 0;
  for (char c : name.substr(5)) {
    if (c < '0' || c > '9' || i > 1000) return -1;
    i = i * 10 + (c - '0');
  }
  return i;
}

uint64_t layer_seed(const std::string& name) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: the same across runs and platforms
  for (unsigned char c : name) h = (h ^ c) * 1099511628211ull;
  return h % (uint64_t{1} << 31);
}

std::string LayerImpl::describe() const { return fmt::format("Layer '{}' ({})", name, class_name()); }

MaskRule LayerImpl::mask_rule(const std::vector<TensorSpec>&) const { return {}; }

ir::Function lower_layer_source(const LayerImpl& layer, const std::string& source,
                                const std::map<std::string, Argument>& arguments,
                                const std::vector<TensorSpec>& inputs) {
  try {
    ast::Program program = parse(source);
    // The tensor parameters, in order: the header's minus bound arguments.
    std::vector<std::string> names;
    if (!program.has_header) names.push_back("x");
    for (const auto& p : program.params)
      if (!arguments.count(p.name)) names.push_back(p.name);
    // Trailing `mask` (the first input's) or `mask_0`, `mask_1`, ... (each input's).
    std::vector<std::string> masks;
    while (!names.empty() && mask_input_index(names.back()) >= 0) {
      masks.insert(masks.begin(), names.back());
      names.pop_back();
    }
    if (names.size() != inputs.size())
      throw Error(ErrorKind::Shape, fmt::format("{} takes {} input(s) ({}), got {}", layer.describe(), names.size(),
                                                fmt::join(names, ", "), inputs.size()));
    std::vector<InputSignature> signatures;
    for (size_t i = 0; i < names.size(); ++i) signatures.push_back(signature(names[i], inputs[i]));
    for (const std::string& m : masks) {
      auto i = static_cast<size_t>(mask_input_index(m));
      if (i >= inputs.size())
        throw Error(ErrorKind::Name, fmt::format("{}: '{}' names the mask of input {}, but there are {} input(s)",
                                                 layer.describe(), m, i, inputs.size()));
      // One flag per step: the input's shape without its last axis.
      Shape mask_shape = inputs[i].shape;
      if (!mask_shape.empty()) mask_shape.pop_back();
      signatures.push_back({m, DType::Bool, mask_shape});
    }
    return lower_to_ir(program, signatures, arguments);
  } catch (const Error& e) {
    if (e.message().rfind("Layer '", 0) == 0) throw;
    Error named(e.kind(), fmt::format("{}: {}", layer.describe(), e.message()), e.span(), e.hint());
    throw e.span().valid() ? named.with_source(source) : named;
  }
}

std::shared_ptr<const ir::Function> LayerImpl::lowered(const std::vector<TensorSpec>& inputs) const {
  std::lock_guard<std::mutex> lock(lowered_mutex_);
  std::string key = spec_key(inputs);
  if (auto it = lowered_.find(key); it != lowered_.end()) return it->second;

  LayerBody body = this->body(inputs);
  auto f = std::make_shared<ir::Function>(lower_layer_source(*this, body.source, body.arguments, inputs));

  if (built_for) {
    // A built layer keeps its weights: a later call must lower to the same params.
    bool same = f->params.size() == weights.size();
    for (size_t i = 0; same && i < weights.size(); ++i)
      same = f->params[i].type.dtype == weights[i].value.dtype() &&
             ir::to_dims(f->params[i].type.shape) == weights[i].value.dims();
    if (!same)
      throw Error(ErrorKind::Shape,
                  fmt::format("{} was built for input shape(s) {} and cannot be called on {}", describe(),
                              format_specs(*built_for), format_specs(inputs)),
                  {}, "a layer's weights fix its input shape; use a new layer for the other shape");
  }
  lowered_[key] = f;
  return f;
}

void LayerImpl::build(const std::vector<TensorSpec>& inputs) {
  if (built_for) return;
  std::shared_ptr<const ir::Function> f = lowered(inputs);
  weights.clear();
  for (const ir::ParamInfo& p : f->params) weights.push_back({name + "/" + p.name, p.init, p.trainable});
  built_for = inputs;
}

std::vector<TensorSpec> LayerImpl::output_specs(const std::vector<TensorSpec>& inputs) const {
  std::shared_ptr<const ir::Function> f = lowered(inputs);
  std::vector<TensorSpec> out;
  for (ir::ValueId id : f->outputs) out.push_back({f->type(id).dtype, keras_shape(f->type(id).shape)});
  return out;
}

namespace {

/// An all-true mask for `x`: its shape without the last axis.
ir::ValueId all_true(ir::Builder& b, ir::ValueId x) {
  ir::Attrs a;
  a.shape = b.type(x).shape;
  if (!a.shape.empty()) a.shape.pop_back();
  return b.add(ir::Op::Broadcast, {b.constant(Tensor::scalar(DType::Bool, 1))}, a);
}

/// The arguments for a lowered function whose inputs are `inputs` and maybe
/// trailing masks (`mask`, `mask_i`: the input's mask, or all-true without one).
std::vector<ir::ValueId> with_mask(ir::Builder& b, const ir::Function& f, const std::vector<ir::ValueId>& inputs,
                                   const std::vector<std::optional<ir::ValueId>>& masks) {
  std::vector<ir::ValueId> args = inputs;
  for (size_t k = inputs.size(); k < f.inputs.size(); ++k) {
    auto i = static_cast<size_t>(mask_input_index(f.inputs[k].name));
    args.push_back(i < masks.size() && masks[i] ? *masks[i] : all_true(b, inputs.at(i)));
  }
  return args;
}

}  // namespace

Emitted LayerImpl::emit(EmitContext& ctx, const std::vector<ir::ValueId>& inputs,
                        const std::vector<std::optional<ir::ValueId>>& masks,
                        const std::vector<TensorSpec>& specs) const {
  std::shared_ptr<const ir::Function> f = lowered(specs);
  std::vector<ir::ValueId> params;
  for (const Weight& w : weights) params.push_back(ctx.param(w, trainable));
  Emitted out;
  out.values = ir::inline_function(ctx.b, *f, with_mask(ctx.b, *f, inputs, masks), params,
                                   ctx.add_region(describe(), f->source));

  MaskRule rule = mask_rule(specs);
  size_t n = out.values.size();
  std::optional<ir::ValueId> first = masks.empty() ? std::nullopt : masks[0];
  switch (rule.kind) {
    case MaskRule::Kind::None: out.masks.assign(n, std::nullopt); break;
    case MaskRule::Kind::PassThrough: out.masks.assign(n, first); break;
    case MaskRule::Kind::AllOf: {
      std::optional<ir::ValueId> all;
      for (const auto& m : masks)
        if (m) all = all ? ctx.b.binary(ir::Op::And, *all, *m) : *m;
      out.masks.assign(n, all);
      break;
    }
    case MaskRule::Kind::Source: {
      bool any = false;
      for (const auto& m : masks) any |= m.has_value();
      if (rule.only_if_masked && !any) {
        out.masks.assign(n, std::nullopt);
        break;
      }
      ir::Function mf = lower_layer_source(*this, rule.source, rule.arguments, specs);
      if (!mf.params.empty())
        throw Error(ErrorKind::Value, fmt::format("{}: a mask cannot declare weights (param)", describe()));
      if (mf.outputs.size() != 1 && mf.outputs.size() != n)
        throw Error(ErrorKind::Value, fmt::format("{}: the mask gives {} result(s) for {} output(s)", describe(),
                                                  mf.outputs.size(), n));
      for (ir::ValueId id : mf.outputs)
        if (mf.type(id).dtype != DType::Bool)
          throw Error(ErrorKind::Type, fmt::format("{}: a mask must be bool, but `{}` gives {}", describe(), rule.source,
                                                   dtype_name(mf.type(id).dtype)),
                      {}, "compare, e.g. x != 0");
      std::vector<ir::ValueId> m = ir::inline_function(ctx.b, mf, with_mask(ctx.b, mf, inputs, masks), {},
                                                       ctx.add_region(describe() + " mask", mf.source));
      for (size_t i = 0; i < n; ++i) out.masks.push_back(m[m.size() == 1 ? 0 : i]);
      break;
    }
  }
  return out;
}

int EmitContext::add_region(const std::string& layer, const std::string& source) {
  int lines = 1;
  for (char c : source) lines += c == '\n';
  regions.push_back({next_line_, lines, layer, source});
  next_line_ += lines;
  return regions.back().first_line - 1;
}

Error locate_in_layers(const Error& e, const std::vector<SourceRegion>& regions) {
  if (!e.span().valid()) return e;
  for (const SourceRegion& r : regions) {
    if (e.span().line < r.first_line || e.span().line >= r.first_line + r.lines) continue;
    SourceSpan span = e.span();
    span.line -= r.first_line - 1;
    return Error(e.kind(), fmt::format("{}: {}", r.layer, e.message()), span, e.hint()).with_source(r.source);
  }
  return Error(e.kind(), e.message(), {}, e.hint());
}

ir::ValueId EmitContext::param(const Weight& w, bool layer_trainable) {
  const void* key = w.value.raw();
  if (key && w.value.size() > 0)
    if (auto it = params_.find(key); it != params_.end()) return it->second;
  ir::Function& f = b.function();
  ir::Attrs a;
  a.index = static_cast<int64_t>(f.params.size());
  a.dtype = w.value.dtype();
  a.shape = ir::to_shape(w.value.dims());
  ir::ValueId node = b.add(ir::Op::Param, {}, a);
  ir::ParamInfo info;
  info.name = prefix + w.name;
  info.type = {w.value.dtype(), a.shape};
  info.init = w.value;  // shares the weight's storage
  info.node = node;
  info.trainable = w.trainable && layer_trainable;
  f.params.push_back(std::move(info));
  if (key && w.value.size() > 0) params_[key] = node;
  return node;
}

}  // namespace lamina::detail
