// Graph tensors, graph nodes and Input(): the part of a model that exists
// while it is being wired up, before any computation.

#include <atomic>

#include <fmt/format.h>

#include "model/graph.h"

namespace lamina {

using detail::GraphNode;
using detail::TensorSpec;

std::string format_shape(const Shape& s) {
  std::vector<std::string> dims;
  for (const auto& d : s) dims.push_back(d ? std::to_string(*d) : "None");
  if (dims.size() == 1) return "(" + dims[0] + ",)";
  return fmt::format("({})", fmt::join(dims, ", "));
}

const Shape& SymbolicTensor::shape() const { return node->outputs.at(static_cast<size_t>(index)).shape; }

DType SymbolicTensor::dtype() const { return node->outputs.at(static_cast<size_t>(index)).dtype; }

std::string SymbolicTensor::producer() const {
  return fmt::format("{}[{}][{}]", node->layer->name, node->call_index, index);
}

std::string SymbolicTensor::layer_name() const { return node->layer->name; }

SymbolicTensor Input(Shape shape, InputOptions options) {
  for (const auto& d : shape)
    if (d && *d < 0)
      throw Error(ErrorKind::Value, fmt::format("Input shape {} has a negative dimension", format_shape(shape)), {},
                  "use None for a dimension known only at run time");
  auto layer = std::make_shared<detail::InputLayerImpl>();
  // Keras numbers inputs from 1: input_1, input_2, ...
  static std::atomic<int> inputs{0};
  layer->name = options.name.empty() ? fmt::format("input_{}", ++inputs) : options.name;
  Shape full{std::nullopt};
  full.insert(full.end(), shape.begin(), shape.end());
  layer->spec = {options.dtype, full};
  layer->built_for = std::vector<TensorSpec>{};
  SymbolicTensor t;
  t.node = detail::make_node(layer, {}, {layer->spec});
  return t;
}

namespace detail {

std::vector<TensorSpec> GraphNode::input_specs() const {
  std::vector<TensorSpec> specs;
  for (const SymbolicTensor& t : inputs) specs.push_back({t.dtype(), t.shape()});
  return specs;
}

std::shared_ptr<GraphNode> make_node(std::shared_ptr<LayerImpl> layer, std::vector<SymbolicTensor> inputs,
                                     std::vector<TensorSpec> outputs) {
  static std::atomic<uint64_t> counter{0};
  auto node = std::make_shared<GraphNode>();
  node->call_index = layer->calls++;
  node->layer = std::move(layer);
  node->inputs = std::move(inputs);
  node->outputs = std::move(outputs);
  node->order = counter++;
  return node;
}

nlohmann::json InputLayerImpl::config() const {
  nlohmann::json shape = nlohmann::json::array();
  for (const auto& d : spec.shape) shape.push_back(d ? nlohmann::json(*d) : nlohmann::json(nullptr));
  return {{"batch_input_shape", shape}, {"dtype", dtype_name(spec.dtype)}};
}

LayerBody InputLayerImpl::body(const std::vector<TensorSpec>&) const {
  throw Error(ErrorKind::Internal, fmt::format("{} has no body: it stands for a model input", describe()));
}

}  // namespace detail
}  // namespace lamina
