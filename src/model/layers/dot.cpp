// Dot: for each sample, sums the products of two inputs along one axis of
// each (keras.layers.Dot, i.e. batch_dot); with normalize, the inputs are
// l2-normalised along those axes first, giving cosine similarities.

#include <fmt/format.h>

#include "model/layers/layer_checks.h"
#include "model/layers/make_layer.h"
#include "model/layers/source_text.h"

namespace lamina::detail {
namespace {

struct DotLayer final : LayerImpl {
  std::vector<int64_t> axes;  // one for both inputs, or one per input
  bool normalize;

  DotLayer(std::vector<int64_t> axes, bool normalize) : axes(std::move(axes)), normalize(normalize) {}
  void check_options() const {
    if (axes.size() != 1 && axes.size() != 2)
      throw_layer_error(*this, ErrorKind::Value, fmt::format("got {} axes", axes.size()),
                        "give axes one axis for both inputs ({.axes = {1}}) or one per input ({.axes = {1, 2}})");
  }

  std::string class_name() const override { return "Dot"; }
  nlohmann::json config() const override {
    nlohmann::json a = axes.size() == 1 ? nlohmann::json(axes[0]) : nlohmann::json(axes);
    return {{"axes", a}, {"normalize", normalize}};
  }
  int input_arity() const override { return 2; }

  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    if (inputs.size() != 2)
      throw_layer_error(*this, ErrorKind::Value, fmt::format("takes exactly 2 inputs, got {}", inputs.size()));
    bool one = axes.size() == 1;
    const Shape& a = inputs[0].shape;
    const Shape& b = inputs[1].shape;
    int64_t ax = resolve_feature_axis(*this, axes[0], a, one ? "axes" : "axes[0]");
    int64_t bx = resolve_feature_axis(*this, axes[one ? 0 : 1], b, one ? "axes" : "axes[1]");
    if (a[ax] && b[bx] && *a[ax] != *b[bx])
      throw_layer_error(*this, ErrorKind::Shape,
                        fmt::format("cannot contract axis {} of {} with axis {} of {}: sizes {} and {} differ", ax,
                                    format_shape(a), bx, format_shape(b), *a[ax], *b[bx]),
                        "the axes summed over must have the same size in both inputs");
    std::string x0 = normalize ? fmt::format("l2_normalize(x0, axis={})", ax) : "x0";
    std::string x1 = normalize ? fmt::format("l2_normalize(x1, axis={})", bx) : "x1";
    return source_body(fmt::format("lambda x0, x1: batch_dot({}, {}, axes=({}, {}))", x0, x1, ax, bx));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return mask_rule_of(MaskRule::Kind::None); }
};

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

Layer Dot(DotOptions options) {
  return detail::make_layer<detail::DotLayer>("dot", options, options.axes, options.normalize);
}

}  // namespace lamina::layers
