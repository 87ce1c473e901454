// Functional models: the graph between Input()s and outputs, checked when the
// model is made, and turned into one IR function on first use.

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "api/jit_function.h"
#include "core/did_you_mean.h"
#include "ir/printer.h"
#include "model/graph.h"
#include "model/model_layer.h"

namespace lamina {

using detail::GraphNode;

std::string Model::Impl::input_names() const { return input_names_of(inputs); }

std::string Model::Impl::input_names_of(const std::vector<SymbolicTensor>& tensors) {
  std::vector<std::string> names;
  for (const SymbolicTensor& t : tensors) names.push_back(t.node->layer->name);
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string Model::Impl::describe() const { return fmt::format("{} '{}'", sequential ? "Sequential" : "Model", name); }

void Model::Impl::require_graph(const char* what) const {
  if (!has_graph())
    throw Error(ErrorKind::Value, fmt::format("{} has no layers connected yet, so it has no {}", describe(), what),
                {}, sequential ? "give the first layer an input_shape, or call predict once to build it" : "");
}

void Model::Impl::set_graph(std::vector<SymbolicTensor> in, std::vector<SymbolicTensor> out) {
  if (out.empty()) throw Error(ErrorKind::Value, fmt::format("{} needs at least one output", describe()));
  std::set<const GraphNode*> input_nodes;
  for (size_t i = 0; i < in.size(); ++i) {
    const SymbolicTensor& t = in[i];
    if (!t.node) throw Error(ErrorKind::Value, fmt::format("{}: input {} is an empty SymbolicTensor", describe(), i));
    if (!t.node->is_input())
      throw Error(ErrorKind::Value,
                  fmt::format("{}: input {} is the output of {}; model inputs must come from Input()", describe(), i,
                              t.node->layer->describe()),
                  {}, "make the model from the Input() tensors its layers start from");
    if (!input_nodes.insert(t.node.get()).second)
      throw Error(ErrorKind::Value, fmt::format("{}: input '{}' is given twice", describe(), t.node->layer->name));
  }
  // Every node the outputs depend on, back to the inputs.
  std::map<uint64_t, std::shared_ptr<GraphNode>> reached;
  std::vector<std::pair<std::shared_ptr<GraphNode>, size_t>> stack;
  for (size_t i = 0; i < out.size(); ++i) {
    if (!out[i].node) throw Error(ErrorKind::Value, fmt::format("{}: output {} is an empty SymbolicTensor", describe(), i));
    stack.push_back({out[i].node, i});
  }
  while (!stack.empty()) {
    auto [node, output] = stack.back();
    stack.pop_back();
    if (!reached.emplace(node->order, node).second) continue;
    if (node->is_input() && !input_nodes.count(node.get()))
      throw Error(ErrorKind::Value,
                  fmt::format("{}: output {} depends on Input '{}' {}, which is not among the model's inputs ({})",
                              describe(), output, node->layer->name, format_shape(node->outputs[0].shape),
                              input_names_of(in)),
                  {}, "add it to the model's inputs");
    for (const SymbolicTensor& t : node->inputs) stack.push_back({t.node, output});
  }
  for (const SymbolicTensor& t : in) reached.emplace(t.node->order, t.node);

  std::vector<std::shared_ptr<GraphNode>> sorted;
  std::vector<Layer> unique;
  std::map<std::string, std::shared_ptr<detail::LayerImpl>> by_name;
  for (auto& [order, node] : reached) {
    sorted.push_back(node);
    auto [it, added] = by_name.emplace(node->layer->name, node->layer);
    if (added) {
      unique.emplace_back(node->layer);
    } else if (it->second != node->layer) {
      throw Error(ErrorKind::Value,
                  fmt::format("{} has two layers named '{}': {} and {}", describe(), node->layer->name,
                              it->second->describe(), node->layer->describe()),
                  {}, "layer names must be unique in a model; give one of them another name");
    }
  }
  inputs = std::move(in);
  outputs = std::move(out);
  nodes = std::move(sorted);
  layers = std::move(unique);
  std::lock_guard<std::mutex> lock(mutex);
  jit_.reset();
  mask_function_.reset();
}

detail::Emitted Model::Impl::emit(detail::EmitContext& ctx, const std::vector<ir::ValueId>& in,
                                  const std::vector<std::optional<ir::ValueId>>& in_masks) const {
  std::map<const GraphNode*, detail::Emitted> done;
  for (size_t i = 0; i < inputs.size(); ++i)
    done[inputs[i].node.get()] = {{in.at(i)}, {i < in_masks.size() ? in_masks[i] : std::nullopt}};
  for (const auto& node : nodes) {
    if (done.count(node.get())) continue;
    std::vector<ir::ValueId> args;
    std::vector<std::optional<ir::ValueId>> masks;
    for (const SymbolicTensor& t : node->inputs) {
      const detail::Emitted& e = done.at(t.node.get());
      args.push_back(e.values.at(static_cast<size_t>(t.index)));
      masks.push_back(e.masks.at(static_cast<size_t>(t.index)));
    }
    detail::Emitted e = node->layer->emit(ctx, args, masks, node->input_specs());
    if (e.values.size() != node->outputs.size())
      throw Error(ErrorKind::Internal, fmt::format("{} emitted {} values for {} outputs", node->layer->describe(),
                                                   e.values.size(), node->outputs.size()));
    done[node.get()] = std::move(e);
  }
  detail::Emitted result;
  for (const SymbolicTensor& t : outputs) {
    const detail::Emitted& e = done.at(t.node.get());
    result.values.push_back(e.values.at(static_cast<size_t>(t.index)));
    result.masks.push_back(e.masks.at(static_cast<size_t>(t.index)));
  }
  return result;
}

ir::Function Model::Impl::function(const std::vector<Dims>* concrete, std::vector<int>* mask_outputs,
                                   std::vector<detail::SourceRegion>* regions) const {
  require_graph("function");
  ir::Function f;
  ir::Builder b(f);
  if (!concrete) f.new_symbol();  // symbol 0: the batch
  std::vector<ir::ValueId> in;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const detail::TensorSpec& spec = inputs[i].node->outputs[0];
    ir::Attrs a;
    a.index = static_cast<int64_t>(i);
    a.dtype = spec.dtype;
    for (size_t d = 0; d < spec.shape.size(); ++d) {
      if (concrete) a.shape.push_back(concrete->at(i).at(d));
      else if (spec.shape[d]) a.shape.push_back(*spec.shape[d]);
      else a.shape.push_back(ir::Dim::symbol(d == 0 ? 0 : f.new_symbol()));
    }
    ir::ValueId id = b.add(ir::Op::Input, {}, a);
    f.inputs.push_back({inputs[i].node->layer->name, {spec.dtype, a.shape}, id});
    in.push_back(id);
  }
  detail::EmitContext ctx(b);
  detail::Emitted e = emit(ctx, in, {});
  f.outputs = e.values;
  if (regions) *regions = ctx.regions;
  if (mask_outputs) {
    mask_outputs->clear();
    for (const auto& m : e.masks) {
      mask_outputs->push_back(m ? static_cast<int>(f.outputs.size()) : -1);
      if (m) f.outputs.push_back(*m);
    }
  }
  return f;
}

detail::JitFunction& Model::Impl::jit() const {
  std::lock_guard<std::mutex> lock(mutex);
  if (!jit_) {
    auto specialise = [this](const std::vector<Dims>& dims) { return function(&dims); };
    jit_ = std::make_shared<detail::JitFunction>(function(nullptr, nullptr, &regions_), specialise);
  }
  return *jit_;
}

// ---------------------------------------------------------------------------
// The public Model
// ---------------------------------------------------------------------------

Model::Model(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs, std::string name)
    : impl(std::make_shared<Impl>()) {
  impl->name = name.empty() ? detail::unique_layer_name("model") : std::move(name);
  impl->set_graph(std::move(inputs), std::move(outputs));
}

const std::string& Model::name() const { return impl->name; }

std::vector<Layer> Model::layers() const { return impl->sequential ? impl->stack : impl->layers; }

Layer Model::get_layer(const std::string& name) const {
  std::vector<std::string> names;
  for (const Layer& l : layers()) {
    if (l.name() == name) return l;
    names.push_back(l.name());
  }
  std::string hint = names.empty() ? "" : fmt::format("its layers are {}", fmt::join(names, ", "));
  if (auto s = did_you_mean(name, names)) hint = fmt::format("did you mean '{}'?", *s);
  throw Error(ErrorKind::Name, fmt::format("{} has no layer named '{}'", impl->describe(), name), {}, hint);
}

const std::vector<SymbolicTensor>& Model::inputs() const { return impl->inputs; }

const std::vector<SymbolicTensor>& Model::outputs() const { return impl->outputs; }

std::vector<Weight> Model::weights() const {
  std::vector<Weight> out;
  for (const Layer& l : layers())
    for (Weight& w : l.weights()) out.push_back(std::move(w));
  return out;
}

std::vector<Weight> Model::trainable_weights() const {
  std::vector<Weight> out;
  for (Weight& w : weights())
    if (w.trainable) out.push_back(std::move(w));
  return out;
}

int64_t Model::count_params() const {
  int64_t n = 0;
  for (const Weight& w : weights()) n += w.value.size();
  return n;
}

std::string Model::ir_text() const {
  impl->require_graph("IR");
  return ir::format_function(impl->jit().function());
}

double Model::prepare_jit() const {
  impl->require_graph("kernels to compile");
  return impl->jit().prepare();
}

Layer Model::as_layer() const { return detail::model_as_layer(impl); }

SymbolicTensor Model::operator()(const SymbolicTensor& input) const { return as_layer()(input); }

SymbolicTensor Model::operator()(const std::vector<SymbolicTensor>& inputs) const {
  return as_layer()(inputs);
}

}  // namespace lamina
