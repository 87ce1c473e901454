// The Layer handle: calling a layer on graph tensors (building it on the first
// call) and the Keras accessors for its weights and config.

#include <cstring>

#include <fmt/format.h>

#include "interp/interpret.h"
#include "ir/dim.h"
#include "model/graph.h"

namespace lamina {

using detail::TensorSpec;

namespace {

std::vector<TensorSpec> specs_of(const std::vector<Shape>& shapes) {
  std::vector<TensorSpec> specs;
  for (const Shape& s : shapes) specs.push_back({DType::Float32, s});
  return specs;
}

std::string arity_text(int arity) {
  if (arity < 0) return "2 or more inputs";
  return arity == 1 ? "1 input" : fmt::format("{} inputs", arity);
}

}  // namespace

Layer::Layer(std::shared_ptr<detail::LayerImpl> impl) : impl(std::move(impl)) {}

SymbolicTensor Layer::operator()(const SymbolicTensor& input) const { return (*this)(std::vector<SymbolicTensor>{input}); }

SymbolicTensor Layer::operator()(const std::vector<SymbolicTensor>& inputs) const {
  std::vector<SymbolicTensor> out = call(inputs);
  if (out.size() != 1)
    throw Error(ErrorKind::Value,
                fmt::format("{} returns {} outputs; call it with call() to get all of them", impl->describe(), out.size()));
  return out[0];
}

std::vector<SymbolicTensor> Layer::call(const std::vector<SymbolicTensor>& inputs) const {
  int arity = impl->input_arity();
  int n = static_cast<int>(inputs.size());
  if (arity == 0)
    throw Error(ErrorKind::Value, fmt::format("{} stands for a model input and cannot be called", impl->describe()));
  if ((arity > 0 && n != arity) || (arity < 0 && n < 2))
    throw Error(ErrorKind::Value, fmt::format("{} takes {}, got {}", impl->describe(), arity_text(arity), n));
  for (const SymbolicTensor& t : inputs)
    if (!t.node) throw Error(ErrorKind::Value, fmt::format("{} was called on an empty SymbolicTensor", impl->describe()),
                             {}, "make graph tensors with Input() or by calling a layer");
  std::vector<TensorSpec> specs;
  for (const SymbolicTensor& t : inputs) specs.push_back({t.dtype(), t.shape()});
  impl->build(specs);
  std::vector<TensorSpec> outputs = impl->output_specs(specs);
  auto node = detail::make_node(impl, inputs, std::move(outputs));
  std::vector<SymbolicTensor> result;
  for (size_t i = 0; i < node->outputs.size(); ++i) {
    SymbolicTensor t;
    t.node = node;
    t.index = static_cast<int>(i);
    result.push_back(t);
  }
  return result;
}

const std::string& Layer::name() const { return impl->name; }

std::string Layer::class_name() const { return impl->class_name(); }

std::string Layer::get_config() const {
  nlohmann::json config = impl->config();
  config["name"] = impl->name;
  config["trainable"] = impl->trainable;
  return config.dump();
}

void Layer::build(const std::vector<Shape>& input_shapes) { impl->build(specs_of(input_shapes)); }

bool Layer::built() const { return impl->built_for.has_value(); }

std::vector<Shape> Layer::compute_output_shape(const std::vector<Shape>& input_shapes) const {
  std::vector<Shape> out;
  for (const TensorSpec& s : impl->output_specs(specs_of(input_shapes))) out.push_back(s.shape);
  return out;
}

std::vector<std::optional<Tensor>> Layer::compute_mask(const std::vector<Tensor>& inputs,
                                                      const std::vector<std::optional<Tensor>>& masks) const {
  if (!masks.empty() && masks.size() != inputs.size())
    throw Error(ErrorKind::Value, fmt::format("{}: {} mask(s) given for {} input(s)", impl->describe(), masks.size(),
                                              inputs.size()));
  // A function of the inputs and the given masks whose results are the output masks.
  std::vector<TensorSpec> specs;
  ir::Function f;
  ir::Builder b(f);
  std::vector<Tensor> args;
  auto add_input = [&](const Tensor& t, const std::string& name) {
    ir::Attrs a;
    a.index = static_cast<int64_t>(f.inputs.size());
    a.dtype = t.dtype();
    a.shape = ir::to_shape(t.dims());
    ir::ValueId id = b.add(ir::Op::Input, {}, a);
    f.inputs.push_back({name, {t.dtype(), a.shape}, id});
    args.push_back(t);
    return id;
  };
  std::vector<ir::ValueId> values;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].rank() == 0)
      throw Error(ErrorKind::Shape, fmt::format("{}: input {} needs a batch axis", impl->describe(), i));
    Shape shape{std::nullopt};
    shape.insert(shape.end(), inputs[i].dims().begin() + 1, inputs[i].dims().end());
    specs.push_back({inputs[i].dtype(), shape});
    values.push_back(add_input(inputs[i], fmt::format("input_{}", i)));
  }
  std::vector<std::optional<ir::ValueId>> mask_values(inputs.size());
  for (size_t i = 0; i < masks.size(); ++i)
    if (masks[i]) mask_values[i] = add_input(*masks[i], fmt::format("mask_{}", i));
  impl->build(specs);
  detail::EmitContext ctx(b);
  detail::Emitted e = impl->emit(ctx, values, mask_values, specs);
  for (const auto& m : e.masks)
    if (m) f.outputs.push_back(*m);
  std::vector<Tensor> computed = interpret(f, args);
  std::vector<std::optional<Tensor>> out;
  size_t next = 0;
  for (const auto& m : e.masks) out.push_back(m ? std::optional<Tensor>(computed[next++]) : std::nullopt);
  return out;
}

std::vector<Weight> Layer::weights() const {
  std::vector<Weight> out = impl->weights;
  for (Weight& w : out) w.trainable = w.trainable && impl->trainable;
  return out;
}

std::vector<Weight> Layer::trainable_weights() const {
  std::vector<Weight> out;
  for (const Weight& w : weights())
    if (w.trainable) out.push_back(w);
  return out;
}

std::vector<Weight> Layer::non_trainable_weights() const {
  std::vector<Weight> out;
  for (const Weight& w : weights())
    if (!w.trainable) out.push_back(w);
  return out;
}

void Layer::set_weights(const std::vector<Tensor>& values) const {
  const std::vector<Weight>& ws = impl->weights;
  if (values.size() != ws.size())
    throw Error(ErrorKind::Value, fmt::format("{} has {} weight(s) but {} value(s) were given", impl->describe(),
                                              ws.size(), values.size()));
  for (size_t i = 0; i < ws.size(); ++i)
    if (values[i].dtype() != ws[i].value.dtype() || values[i].dims() != ws[i].value.dims())
      throw Error(ErrorKind::Shape, fmt::format("{}: weight '{}' is {} {} but the value given is {} {}", impl->describe(),
                                                ws[i].name, dtype_name(ws[i].value.dtype()), format_dims(ws[i].value.dims()),
                                                dtype_name(values[i].dtype()), format_dims(values[i].dims())));
  // In place: models compiled with these weights read the new values.
  for (size_t i = 0; i < ws.size(); ++i) {
    Tensor target = ws[i].value;
    std::memcpy(target.raw(), values[i].raw(), values[i].nbytes());
  }
}

std::vector<Tensor> Layer::get_weights() const {
  std::vector<Tensor> out;
  for (const Weight& w : impl->weights) out.push_back(w.value.clone());
  return out;
}

int64_t Layer::count_params() const {
  int64_t n = 0;
  for (const Weight& w : impl->weights) n += w.value.size();
  return n;
}

bool Layer::trainable() const { return impl->trainable; }

void Layer::set_trainable(bool trainable) const { impl->trainable = trainable; }

}  // namespace lamina
