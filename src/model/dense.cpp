// Dense: `activation(x @ kernel + bias)` over the last axis of its input.

#include <fmt/format.h>

#include "model/activation_call.h"
#include "model/core_layers.h"
#include "model/layer_impl.h"

namespace lamina::layers {

namespace {

struct DenseLayer : detail::LayerImpl {
  int64_t units = 0;
  DenseOptions options;

  std::string class_name() const override { return "Dense"; }

  nlohmann::json config() const override {
    nlohmann::json c = {{"units", units},
                        {"activation", options.activation},
                        {"use_bias", options.use_bias},
                        {"kernel_initializer", options.kernel_initializer},
                        {"bias_initializer", options.bias_initializer}};
    if (options.seed) c["seed"] = *options.seed;
    return c;
  }

  detail::LayerBody body(const std::vector<detail::TensorSpec>& inputs) const override {
    const Shape& s = inputs.at(0).shape;
    if (s.size() < 2)
      throw Error(ErrorKind::Shape, fmt::format("{} expects an input of rank 2 or more (batch, ..., features), got {}",
                                                describe(), format_shape(s)));
    if (!s.back())
      throw Error(ErrorKind::Shape,
                  fmt::format("{} expects an input whose last dim is known, got {}", describe(), format_shape(s)),
                  {}, "the kernel's shape comes from the input's last dim; give it in Input() or input_shape");
    uint64_t seed = options.seed.value_or(detail::layer_seed(name));
    std::string src = fmt::format(
        "lambda x:\n"
        "    kernel = param(shape=({}, {}), init=\"{}\", seed={})\n",
        *s.back(), units, options.kernel_initializer, seed);
    std::string y = "x @ kernel";
    if (options.use_bias) {
      src += fmt::format("    bias = param(shape=({},), init=\"{}\", seed={})\n", units, options.bias_initializer,
                         seed + 1);
      y += " + bias";
    }
    src += "    return " + detail::activation_call(options.activation, y, describe()) + "\n";
    return {src, {}};
  }

  detail::MaskRule mask_rule(const std::vector<detail::TensorSpec>&) const override {
    return {detail::MaskRule::Kind::PassThrough, {}, {}};
  }
};

}  // namespace

Layer Dense(int64_t units, DenseOptions options) {
  auto layer = std::make_shared<DenseLayer>();
  layer->name = detail::layer_name(options.name, "dense");
  if (units <= 0)
    throw Error(ErrorKind::Value, fmt::format("{}: units must be positive, got {}", layer->describe(), units));
  detail::activation_call(options.activation, "x", layer->describe());  // fails early on an unknown name
  layer->units = units;
  layer->input_shape = options.input_shape;
  layer->options = std::move(options);
  return Layer(layer);
}

}  // namespace lamina::layers

namespace lamina::detail {

std::shared_ptr<LayerImpl> dense_from_config(const nlohmann::json& c) {
  if (!c.contains("units")) throw Error(ErrorKind::Value, "Dense config: field 'units' is missing");
  layers::DenseOptions o;
  o.activation = config_field<std::string>(c, "Dense", "activation", o.activation);
  o.use_bias = config_field<bool>(c, "Dense", "use_bias", o.use_bias);
  o.kernel_initializer = config_field<std::string>(c, "Dense", "kernel_initializer", o.kernel_initializer);
  o.bias_initializer = config_field<std::string>(c, "Dense", "bias_initializer", o.bias_initializer);
  if (c.contains("seed")) o.seed = config_field<uint64_t>(c, "Dense", "seed", 0);
  o.name = config_field<std::string>(c, "Dense", "name", "");
  return layers::Dense(config_field<int64_t>(c, "Dense", "units", 0), o).impl;
}

}  // namespace lamina::detail
