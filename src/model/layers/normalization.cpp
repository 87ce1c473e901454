// LayerNormalization and BatchNormalization (inference form). Both scale by
// `gamma` and shift by `beta`, weights of the size of the normalised axis;
// BatchNormalization's moving statistics are non-trainable params. Elementwise
// per step, so the input mask passes through.

#include <cmath>

#include <fmt/format.h>

#include "model/layers/layer_checks.h"
#include "model/layers/make_layer.h"
#include "model/layers/source_text.h"

namespace lamina::detail {
namespace {

enum class Norm { Layer, Batch };

struct NormalizationLayer final : LayerImpl {
  Norm kind;
  int64_t axis;
  double epsilon;
  double momentum;  // BatchNormalization's, for training (issue 7); kept for its config
  bool center;
  bool scale;

  NormalizationLayer(Norm kind, const layers::NormalizationOptions& o)
      : kind(kind), axis(o.axis), epsilon(o.epsilon), momentum(o.momentum), center(o.center), scale(o.scale) {}
  void check_options() const {
    if (!(epsilon >= 0) || std::isinf(epsilon))
      throw_layer_error(*this, ErrorKind::Value, fmt::format("got epsilon={}", float_literal(epsilon)),
                        "epsilon keeps the division stable: a small non-negative number such as 1e-3");
  }

  std::string class_name() const override {
    return kind == Norm::Layer ? "LayerNormalization" : "BatchNormalization";
  }
  nlohmann::json config() const override {
    nlohmann::json c = {{"axis", axis}, {"epsilon", epsilon}, {"center", center}, {"scale", scale}};
    if (kind == Norm::Batch) c["momentum"] = momentum;
    return c;
  }

  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    const Shape& in = inputs.at(0).shape;
    int64_t ax = resolve_feature_axis(*this, axis, in, "axis");
    if (!in[ax])
      throw_layer_error(*this, ErrorKind::Shape,
                        fmt::format("needs the size of axis {} known to create its weights, got shape {}",
                                    axis, format_shape(in)),
                        "give the input a known size on that axis");
    int64_t size = *in[ax];
    // A weight of shape (size,) broadcasts along `ax` once reshaped to (1, ..., size, ..., 1).
    bool last = ax + 1 == static_cast<int64_t>(in.size());
    std::vector<int64_t> along(in.size(), 1);
    along[ax] = size;
    auto spread = [&](const char* w) { return last ? std::string(w) : fmt::format("reshape({}, {})", w, int_tuple(along)); };

    std::string src = "lambda x:\n";
    auto declare = [&](const char* w, const char* init, bool trainable) {
      src += fmt::format("    {} = param(shape=({},), init=\"{}\"{})\n", w, size, init, trainable ? "" : ", trainable=False");
    };
    if (scale) declare("gamma", "ones", true);
    if (center) declare("beta", "zeros", true);
    std::string eps = float_literal(epsilon);
    if (kind == Norm::Layer) {
      src += fmt::format("    mu = mean(x, axis={}, keepdims=True)\n", ax);
      src += fmt::format("    y = (x - mu) * rsqrt(var(x, axis={}, keepdims=True) + {})\n", ax, eps);
    } else {
      declare("moving_mean", "zeros", false);
      declare("moving_variance", "ones", false);
      src += fmt::format("    y = (x - {}) * rsqrt({} + {})\n", spread("moving_mean"), spread("moving_variance"), eps);
    }
    if (scale) src += fmt::format("    y = y * {}\n", spread("gamma"));
    if (center) src += fmt::format("    y = y + {}\n", spread("beta"));
    src += "    return y";
    return source_body(src);
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return mask_rule_of(MaskRule::Kind::PassThrough); }
};

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

Layer LayerNormalization(NormalizationOptions options) {
  return detail::make_layer<detail::NormalizationLayer>("layer_normalization", options, detail::Norm::Layer, options);
}

Layer BatchNormalization(NormalizationOptions options) {
  return detail::make_layer<detail::NormalizationLayer>("batch_normalization", options, detail::Norm::Batch, options);
}

}  // namespace lamina::layers
