// Sequential: a model whose graph is a chain, made from its layer list as
// soon as the input shape is known (the first layer's input_shape, or the
// first predict's input).

#include <fmt/format.h>

#include "model/graph.h"

namespace lamina {

namespace detail {

bool connect_sequential(Model::Impl& m, std::optional<SymbolicTensor> input) {
  if (m.stack.empty()) {
    m.inputs.clear();
    m.outputs.clear();
    m.nodes.clear();
    m.layers.clear();
    return false;
  }
  if (!input) {
    const auto& shape = m.stack[0].impl->input_shape;
    if (!shape) return false;
    input = Input(*shape);
  }
  SymbolicTensor x = *input;
  for (const Layer& l : m.stack) {
    std::vector<SymbolicTensor> out = l.call({x});
    if (out.size() != 1)
      throw Error(ErrorKind::Value, fmt::format("{}: {} returns {} outputs, but each layer of a Sequential must return one",
                                                m.describe(), l.impl->describe(), out.size()),
                  {}, "use a Functional Model for layers with several outputs");
    x = out[0];
  }
  m.set_graph({*input}, {x});
  return true;
}

}  // namespace detail

using detail::connect_sequential;

Sequential::Sequential(std::vector<Layer> layers, std::string name) {
  impl = std::make_shared<Impl>();
  impl->sequential = true;
  impl->name = name.empty() ? detail::unique_layer_name("sequential") : std::move(name);
  for (Layer& l : layers) add(std::move(l));
}

void Sequential::add(Layer layer) {
  for (const Layer& l : impl->stack)
    if (l.name() == layer.name())
      throw Error(ErrorKind::Value,
                  fmt::format("{} has two layers named '{}': {} and {}", impl->describe(), layer.name(),
                              l.impl->describe(), layer.impl->describe()),
                  {}, "layer names must be unique in a model; give one of them another name");
  impl->stack.push_back(layer);
  try {
    if (impl->has_graph()) connect_sequential(*impl, impl->inputs[0]);
    else connect_sequential(*impl, std::nullopt);
  } catch (...) {
    impl->stack.pop_back();
    throw;
  }
}

void Sequential::pop() {
  if (impl->stack.empty()) throw Error(ErrorKind::Value, fmt::format("{} has no layers to pop", impl->describe()));
  impl->stack.pop_back();
  std::optional<SymbolicTensor> input;
  if (impl->has_graph()) input = impl->inputs[0];
  connect_sequential(*impl, input);
}

}  // namespace lamina
