#include "model/layers/layer_checks.h"

#include <fmt/format.h>

namespace lamina::detail {

void throw_layer_error(const LayerImpl& layer, ErrorKind kind, const std::string& what, const std::string& hint) {
  throw Error(kind, layer.describe() + " " + what, {}, hint);
}

void check_at_least_two(const LayerImpl& layer, const std::vector<TensorSpec>& inputs) {
  if (inputs.size() < 2)
    throw_layer_error(layer, ErrorKind::Value, fmt::format("needs at least 2 inputs, got {}", inputs.size()),
                      "a merge layer combines several tensors: call it on a list such as {a, b}");
}

std::string shapes_text(const std::vector<TensorSpec>& inputs) {
  std::string out;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (i > 0) out += i + 1 == inputs.size() ? " and " : ", ";
    out += format_shape(inputs[i].shape);
  }
  return out;
}

int64_t resolve_feature_axis(const LayerImpl& layer, int64_t axis, const Shape& shape, const std::string& what) {
  auto rank = static_cast<int64_t>(shape.size());
  int64_t resolved = axis < 0 ? axis + rank : axis;
  if (resolved < 0 || resolved >= rank)
    throw_layer_error(layer, ErrorKind::Axis,
                      fmt::format("got {}={} for an input of shape {}, which has {} axes", what, axis,
                                  format_shape(shape), rank),
                      fmt::format("use an axis from 1 to {} (or -1 for the last)", rank - 1));
  if (resolved == 0)
    throw_layer_error(layer, ErrorKind::Axis,
                      fmt::format("got {}={} for an input of shape {}: that is the batch axis", what, axis,
                                  format_shape(shape)),
                      "axes count the batch axis as 0, so the first feature axis is 1");
  return resolved;
}

}  // namespace lamina::detail
