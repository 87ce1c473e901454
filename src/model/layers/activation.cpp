// Activation: `lambda x: ACT(x)`, elementwise, so the input mask passes through.

#include <fmt/format.h>

#include "model/activation_call.h"
#include "model/layers/make_layer.h"

namespace lamina::detail {
namespace {

struct ActivationLayer final : LayerImpl {
  std::string activation;

  explicit ActivationLayer(std::string activation) : activation(std::move(activation)) {}
  void check_options() const { activation_call(activation, "x", describe()); }

  std::string class_name() const override { return "Activation"; }
  nlohmann::json config() const override { return {{"activation", activation}}; }
  LayerBody body(const std::vector<TensorSpec>&) const override {
    return source_body("lambda x: " + activation_call(activation, "x", describe()));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return mask_rule_of(MaskRule::Kind::PassThrough); }
};

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

Layer Activation(std::string activation, CommonOptions options) {
  return detail::make_layer<detail::ActivationLayer>("activation", options, std::move(activation));
}

}  // namespace lamina::layers
