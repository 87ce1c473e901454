// Merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum combine
// their inputs elementwise (with broadcasting); Concatenate joins them along
// an axis. Their output mask is the logical and of the inputs' masks.

#include <fmt/format.h>

#include "model/layers/layer_checks.h"
#include "model/layers/make_layer.h"
#include "model/layers/source_text.h"

namespace lamina::detail {
namespace {

enum class MergeOp { Add, Subtract, Multiply, Average, Maximum, Minimum };

/// Checks that the inputs have one rank and sizes that broadcast (None fits
/// any size; it is checked when the model runs).
void check_broadcast(const LayerImpl& layer, const std::vector<TensorSpec>& inputs) {
  Shape result = inputs[0].shape;
  for (const TensorSpec& input : inputs) {
    if (input.shape.size() != result.size())
      throw_layer_error(layer, ErrorKind::Shape, fmt::format("got inputs of different ranks: {}", shapes_text(inputs)),
                        "merge layers combine tensors of one rank; Reshape the inputs to match");
    for (size_t d = 0; d < result.size(); ++d) {
      const auto& a = result[d];
      const auto& b = input.shape[d];
      if (a && b && *a != *b && *a != 1 && *b != 1)
        throw_layer_error(layer, ErrorKind::Shape,
                          fmt::format("got shapes {} that do not broadcast", shapes_text(inputs)),
                          fmt::format("axis {}: {} vs {}; sizes must be equal or 1", d, *a, *b));
      if (!a || *a == 1) result[d] = b;
    }
  }
}

struct MergeLayer final : LayerImpl {
  MergeOp op;

  explicit MergeLayer(MergeOp op) : op(op) {}

  std::string class_name() const override {
    switch (op) {
      case MergeOp::Add: return "Add";
      case MergeOp::Subtract: return "Subtract";
      case MergeOp::Multiply: return "Multiply";
      case MergeOp::Average: return "Average";
      case MergeOp::Maximum: return "Maximum";
      case MergeOp::Minimum: return "Minimum";
    }
    return "";
  }
  nlohmann::json config() const override { return nlohmann::json::object(); }
  int input_arity() const override { return op == MergeOp::Subtract ? 2 : -1; }

  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    check_at_least_two(*this, inputs);
    check_broadcast(*this, inputs);
    std::vector<std::string> names = input_names(inputs.size());
    std::string result;
    switch (op) {
      case MergeOp::Add: result = join(names, " + "); break;
      case MergeOp::Subtract: result = join(names, " - "); break;
      case MergeOp::Multiply: result = join(names, " * "); break;
      case MergeOp::Average: result = fmt::format("({}) / {}", join(names, " + "), names.size()); break;
      case MergeOp::Maximum:
      case MergeOp::Minimum: {
        const char* f = op == MergeOp::Maximum ? "maximum" : "minimum";
        result = names[0];
        for (size_t i = 1; i < names.size(); ++i) result = fmt::format("{}({}, {})", f, result, names[i]);
        break;
      }
    }
    return source_body(fmt::format("lambda {}: {}", join(names), result));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return mask_rule_of(MaskRule::Kind::AllOf); }
};

struct ConcatenateLayer final : LayerImpl {
  int64_t axis;

  explicit ConcatenateLayer(int64_t axis) : axis(axis) {}

  std::string class_name() const override { return "Concatenate"; }
  nlohmann::json config() const override { return {{"axis", axis}}; }
  int input_arity() const override { return -1; }

  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    check_at_least_two(*this, inputs);
    const Shape& first = inputs[0].shape;
    for (const TensorSpec& input : inputs)
      if (input.shape.size() != first.size())
        throw_layer_error(*this, ErrorKind::Shape, fmt::format("got inputs of different ranks: {}", shapes_text(inputs)),
                          "Concatenate joins tensors of one rank; Reshape the inputs to match");
    int64_t ax = resolve_feature_axis(*this, axis, first, "axis");
    for (const TensorSpec& input : inputs)
      for (size_t d = 1; d < first.size(); ++d)
        if (static_cast<int64_t>(d) != ax && first[d] && input.shape[d] && *first[d] != *input.shape[d])
          throw_layer_error(*this, ErrorKind::Shape,
                            fmt::format("needs inputs whose shapes match except along axis {}, got {}", axis,
                                        shapes_text(inputs)),
                            fmt::format("axis {}: {} vs {}", d, *first[d], *input.shape[d]));
    std::vector<std::string> names = input_names(inputs.size());
    return source_body(fmt::format("lambda {}: concatenate([{}], axis={})", join(names), join(names), ax));
  }
  /// Keras: each input's mask (all-true where it has none) joined like the
  /// inputs. Along the last axis — which masks do not have — that is the and
  /// of the masks; along another axis, the masks are concatenated.
  MaskRule mask_rule(const std::vector<TensorSpec>& inputs) const override {
    int64_t ax = resolve_feature_axis(*this, axis, inputs.at(0).shape, "axis");
    if (ax + 1 == static_cast<int64_t>(inputs[0].shape.size())) return mask_rule_of(MaskRule::Kind::AllOf);
    std::vector<std::string> names = input_names(inputs.size());
    std::vector<std::string> masks;
    for (size_t i = 0; i < inputs.size(); ++i) masks.push_back(fmt::format("mask_{}", i));
    MaskRule rule = mask_rule_of(MaskRule::Kind::Source, fmt::format("lambda {}, {}: concatenate([{}], axis={})",
                                                                       join(names), join(masks), join(masks), ax));
    rule.only_if_masked = true;
    return rule;
  }
};

Layer merge(MergeOp op, const char* base, const layers::CommonOptions& options) {
  return make_layer<MergeLayer>(base, options, op);
}

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

using detail::MergeOp;

Layer Add(CommonOptions options) { return detail::merge(MergeOp::Add, "add", options); }
Layer Subtract(CommonOptions options) { return detail::merge(MergeOp::Subtract, "subtract", options); }
Layer Multiply(CommonOptions options) { return detail::merge(MergeOp::Multiply, "multiply", options); }
Layer Average(CommonOptions options) { return detail::merge(MergeOp::Average, "average", options); }
Layer Maximum(CommonOptions options) { return detail::merge(MergeOp::Maximum, "maximum", options); }
Layer Minimum(CommonOptions options) { return detail::merge(MergeOp::Minimum, "minimum", options); }

Layer Concatenate(int64_t axis, CommonOptions options) {
  return detail::make_layer<detail::ConcatenateLayer>("concatenate", options, axis);
}

}  // namespace lamina::layers
