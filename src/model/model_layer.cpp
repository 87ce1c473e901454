// Nesting: a model called inside another model emits its own graph (layer by
// layer, recursively) into the outer model's function.

#include "model/model_layer.h"

#include <fmt/format.h>

#include "model/graph.h"

namespace lamina::detail {

namespace {

struct ModelLayer : LayerImpl {
  std::shared_ptr<Model::Impl> model;

  std::string class_name() const override { return model->sequential ? "Sequential" : "Functional"; }

  nlohmann::json config() const override {
    nlohmann::json layers = nlohmann::json::array();
    for (const Layer& l : model->sequential ? model->stack : model->layers)
      layers.push_back({{"class_name", l.class_name()}, {"config", nlohmann::json::parse(l.get_config())}});
    return {{"layers", layers}};
  }

  LayerBody body(const std::vector<TensorSpec>&) const override {
    throw Error(ErrorKind::Internal, fmt::format("{} has no single body; its layers are emitted one by one", describe()));
  }

  int input_arity() const override {
    model->require_graph("inputs");
    return static_cast<int>(model->inputs.size());
  }

  /// Throws unless `inputs` fit the model's inputs (dtype, rank, known sizes).
  void check(const std::vector<TensorSpec>& inputs) const {
    for (size_t i = 0; i < inputs.size() && i < model->inputs.size(); ++i) {
      const TensorSpec& want = model->inputs[i].node->outputs[0];
      const TensorSpec& got = inputs[i];
      bool ok = want.dtype == got.dtype && want.shape.size() == got.shape.size();
      for (size_t d = 0; ok && d < want.shape.size(); ++d) ok = !want.shape[d] || want.shape[d] == got.shape[d];
      if (!ok)
        throw Error(ErrorKind::Shape, fmt::format("{} expects input '{}' of {} {}, got {} {}", describe(),
                                                  model->inputs[i].node->layer->name, dtype_name(want.dtype),
                                                  format_shape(want.shape), dtype_name(got.dtype), format_shape(got.shape)));
    }
  }

  void build(const std::vector<TensorSpec>& inputs) override {
    check(inputs);
    if (built_for) return;
    weights.clear();
    for (const Layer& l : model->sequential ? model->stack : model->layers)
      for (const Weight& w : l.weights()) weights.push_back({name + "/" + w.name, w.value, w.trainable});
    built_for = inputs;
  }

  std::vector<TensorSpec> output_specs(const std::vector<TensorSpec>& inputs) const override {
    check(inputs);
    std::vector<TensorSpec> out;
    for (const SymbolicTensor& t : model->outputs) out.push_back({t.dtype(), t.shape()});
    return out;
  }

  Emitted emit(EmitContext& ctx, const std::vector<ir::ValueId>& inputs,
               const std::vector<std::optional<ir::ValueId>>& masks, const std::vector<TensorSpec>&) const override {
    std::string outer = ctx.prefix;
    ctx.prefix += name + "/";
    Emitted e = model->emit(ctx, inputs, masks);
    ctx.prefix = outer;
    return e;
  }
};

}  // namespace

Layer model_as_layer(const std::shared_ptr<Model::Impl>& model) {
  model->require_graph("layer form");
  std::lock_guard<std::mutex> lock(model->mutex);
  if (auto existing = model->as_layer_.lock()) return Layer(existing);
  auto layer = std::make_shared<ModelLayer>();
  layer->model = model;
  layer->name = model->name;
  model->as_layer_ = layer;
  return Layer(layer);
}

std::shared_ptr<Model::Impl> model_of_layer(const Layer& layer) {
  auto* m = dynamic_cast<const ModelLayer*>(layer.impl.get());
  return m ? m->model : nullptr;
}

}  // namespace lamina::detail
