// Dropout: at inference the identity (`lambda x: x`), so the input mask passes
// through. Training (issue 7) will give it its random body.

#include <fmt/format.h>

#include "model/layers/layer_checks.h"
#include "model/layers/make_layer.h"
#include "model/layers/source_text.h"

namespace lamina::detail {
namespace {

struct DropoutLayer final : LayerImpl {
  double rate;

  explicit DropoutLayer(double rate) : rate(rate) {}
  void check_options() const {
    if (!(rate >= 0 && rate <= 1))  // also refuses nan
      throw_layer_error(*this, ErrorKind::Value, fmt::format("got rate={}", float_literal(rate)),
                        "rate is the fraction of inputs dropped in training: a number from 0 to 1");
  }

  std::string class_name() const override { return "Dropout"; }
  nlohmann::json config() const override { return {{"rate", rate}}; }
  LayerBody body(const std::vector<TensorSpec>&) const override { return source_body("lambda x: x"); }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return mask_rule_of(MaskRule::Kind::PassThrough); }
};

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

Layer Dropout(double rate, CommonOptions options) {
  return detail::make_layer<detail::DropoutLayer>("dropout", options, rate);
}

}  // namespace lamina::layers
