// Masking: steps whose features all equal mask_value are masked (the output
// mask is false there) and zeroed, as keras.layers.Masking does.

#include <fmt/format.h>

#include "model/layers/layer_checks.h"
#include "model/layers/make_layer.h"
#include "model/layers/source_text.h"

namespace lamina::detail {
namespace {

struct MaskingLayer final : LayerImpl {
  double mask_value;

  explicit MaskingLayer(double mask_value) : mask_value(mask_value) {}

  std::string class_name() const override { return "Masking"; }
  nlohmann::json config() const override { return {{"mask_value", mask_value}}; }

  /// "any(x != 0.0, axis=-1": a step is kept when any feature differs from mask_value.
  std::string kept(const std::vector<TensorSpec>& inputs) const {
    const Shape& in = inputs.at(0).shape;
    if (in.size() < 2)
      throw_layer_error(*this, ErrorKind::Shape,
                        fmt::format("expects an input with a feature axis (batch, ..., features), got shape {}",
                                    format_shape(in)));
    return fmt::format("any(x != {}, axis=-1", float_literal(mask_value));
  }
  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    return source_body(fmt::format("lambda x: where({}, keepdims=True), x, 0)", kept(inputs)));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>& inputs) const override {
    return mask_rule_of(MaskRule::Kind::Source, fmt::format("lambda x: {})", kept(inputs)));
  }
};

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

Layer Masking(double mask_value, CommonOptions options) {
  return detail::make_layer<detail::MaskingLayer>("masking", options, mask_value);
}

}  // namespace lamina::layers
