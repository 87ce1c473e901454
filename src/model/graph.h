#pragma once
// The graph behind SymbolicTensors and Models: each call of a layer is a node
// holding its input tensors and output specs; a model is the nodes between its
// inputs and outputs, in the order they were made (which is topological: a
// node's inputs always exist before it).

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ir/function.h"
#include "lamina/model.h"
#include "model/layer_impl.h"

namespace lamina::detail {

class JitFunction;
struct Trainer;

struct GraphNode {
  std::shared_ptr<LayerImpl> layer;    // an InputLayer for a model input
  std::vector<SymbolicTensor> inputs;  // empty for a model input
  std::vector<TensorSpec> outputs;
  int call_index = 0;                  // which call of `layer` made this node ("dense[1][0]")
  uint64_t order = 0;                  // creation order, process-wide

  std::vector<TensorSpec> input_specs() const;
  bool is_input() const { return inputs.empty() && layer->input_arity() == 0; }
};

/// Makes a graph node for a call of `layer` (already built) on `inputs`.
std::shared_ptr<GraphNode> make_node(std::shared_ptr<LayerImpl> layer, std::vector<SymbolicTensor> inputs,
                                     std::vector<TensorSpec> outputs);

/// The layer behind `Input()`: no computation, a fixed output spec.
struct InputLayerImpl : LayerImpl {
  TensorSpec spec;
  std::string class_name() const override { return "InputLayer"; }
  nlohmann::json config() const override;
  LayerBody body(const std::vector<TensorSpec>& inputs) const override;
  int input_arity() const override { return 0; }
  std::vector<TensorSpec> output_specs(const std::vector<TensorSpec>&) const override { return {spec}; }
};

}  // namespace lamina::detail

namespace lamina {

struct LAMINA_INTERNAL Model::Impl {
  std::string name;
  std::vector<SymbolicTensor> inputs;
  std::vector<SymbolicTensor> outputs;
  std::vector<std::shared_ptr<detail::GraphNode>> nodes;  // topological, model inputs included
  std::vector<Layer> layers;                              // each layer once, in graph order (Keras model.layers)

  // A Sequential's own list (the graph is made from it once the input shape is known).
  bool sequential = false;
  std::vector<Layer> stack;

  /// Connects inputs to outputs: collects the nodes, checks names and inputs.
  void set_graph(std::vector<SymbolicTensor> in, std::vector<SymbolicTensor> out);
  bool has_graph() const { return !outputs.empty(); }
  /// "Model 'name'" / "Sequential 'name'", for messages.
  std::string describe() const;
  /// "a, b": the model inputs' names (or those of `tensors`).
  std::string input_names() const;
  static std::string input_names_of(const std::vector<SymbolicTensor>& tensors);
  /// Throws when the graph is not there yet (a Sequential not yet built).
  void require_graph(const char* what) const;

  /// Emits the graph on given input values (and masks) into ctx's function.
  detail::Emitted emit(detail::EmitContext& ctx, const std::vector<ir::ValueId>& inputs,
                       const std::vector<std::optional<ir::ValueId>>& masks) const;
  /// The whole model as one function: inputs of the model's shapes (or the
  /// given concrete dims), params for every weight, one output per model
  /// output. With `mask_outputs`, each output's mask follows as an extra
  /// output; mask_outputs gets its position per model output (-1: no mask).
  /// `regions` receives where each layer's body sits in the function's source
  /// lines (for run-time errors that name the layer).
  ir::Function function(const std::vector<Dims>* concrete = nullptr, std::vector<int>* mask_outputs = nullptr,
                        std::vector<detail::SourceRegion>* regions = nullptr) const;

  /// The compiled form (made on first use).
  detail::JitFunction& jit() const;
  /// Checks predict's inputs: count, dtypes, ranks and known sizes, naming the input.
  void check_inputs(const std::vector<Tensor>& inputs) const;

  mutable std::mutex mutex;
  mutable std::shared_ptr<detail::JitFunction> jit_;
  mutable std::shared_ptr<const ir::Function> mask_function_;  // compute_masks' function
  mutable std::vector<int> mask_outputs_;
  mutable std::vector<detail::SourceRegion> regions_;       // of jit_'s function (and its specialisations)
  mutable std::vector<detail::SourceRegion> mask_regions_;  // of mask_function_
  mutable std::weak_ptr<detail::LayerImpl> as_layer_;
  std::shared_ptr<detail::Trainer> trainer;  // set by compile (src/train/)  // the layer handle, while one exists
};

}  // namespace lamina

namespace lamina::detail {

/// Makes a Sequential's graph: its layers chained from `input`, or from a new
/// Input of the first layer's input_shape; returns false (no graph) when
/// neither is known yet. Throws if a layer does not fit its predecessor.
bool connect_sequential(Model::Impl& m, std::optional<SymbolicTensor> input);
/// Builds a Sequential without an input shape from its first inputs (no-op otherwise).
void build_on_first_use(Model::Impl& m, const std::vector<Tensor>& inputs);

}  // namespace lamina::detail
