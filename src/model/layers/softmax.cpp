// Softmax: `lambda x: softmax(x, axis=AXIS)`; the input mask passes through.

#include <fmt/format.h>

#include "model/layers/layer_checks.h"
#include "model/layers/make_layer.h"

namespace lamina::detail {
namespace {

struct SoftmaxLayer final : LayerImpl {
  int64_t axis;

  explicit SoftmaxLayer(int64_t axis) : axis(axis) {}

  std::string class_name() const override { return "Softmax"; }
  nlohmann::json config() const override { return {{"axis", axis}}; }
  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    int64_t ax = resolve_feature_axis(*this, axis, inputs.at(0).shape, "axis");
    return source_body(fmt::format("lambda x: softmax(x, axis={})", ax));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return mask_rule_of(MaskRule::Kind::PassThrough); }
};

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

Layer Softmax(int64_t axis, CommonOptions options) {
  return detail::make_layer<detail::SoftmaxLayer>("softmax", options, axis);
}

}  // namespace lamina::layers
