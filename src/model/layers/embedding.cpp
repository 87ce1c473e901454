// Embedding: `lambda x: take(embeddings, x, axis=0)` — each integer index
// picks a row of the (input_dim, output_dim) weight. With mask_zero, index 0
// is padding and the output's mask is `x != 0` (Keras' mask_zero).

#include <fmt/format.h>

#include "model/layers/layer_checks.h"
#include "model/layers/make_layer.h"

namespace lamina::detail {
namespace {

struct EmbeddingLayer final : LayerImpl {
  int64_t input_dim;
  int64_t output_dim;
  bool mask_zero;
  std::string initializer;
  std::optional<uint64_t> seed;

  EmbeddingLayer(int64_t input_dim, int64_t output_dim, const layers::EmbeddingOptions& o)
      : input_dim(input_dim), output_dim(output_dim), mask_zero(o.mask_zero), initializer(o.embeddings_initializer),
        seed(o.seed) {}
  void check_options() const {
    if (input_dim < 1 || output_dim < 1)
      throw_layer_error(*this, ErrorKind::Value,
                        fmt::format("got input_dim={} and output_dim={}", input_dim, output_dim),
                        "input_dim is the vocabulary size and output_dim the vector size: both 1 or more");
  }

  std::string class_name() const override { return "Embedding"; }
  nlohmann::json config() const override {
    nlohmann::json c = {{"input_dim", input_dim},
                        {"output_dim", output_dim},
                        {"embeddings_initializer", initializer},
                        {"mask_zero", mask_zero}};
    if (seed) c["seed"] = *seed;
    return c;
  }

  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    const TensorSpec& in = inputs.at(0);
    if (in.dtype != DType::Int32 && in.dtype != DType::Int64)
      throw_layer_error(*this, ErrorKind::Type,
                        fmt::format("expects integer indices, got a {} input of shape {}", dtype_name(in.dtype),
                                    format_shape(in.shape)),
                        "Input(..., {.dtype = lamina::DType::Int32}) takes the token ids");
    // Keras calls RandomUniform(-0.05, 0.05) "uniform".
    std::string init = initializer == "uniform" ? "random_uniform" : initializer;
    uint64_t s = seed ? *seed : layer_seed(name);
    return source_body(fmt::format("lambda x:\n"
                        "    embeddings = param(shape=({}, {}), init=\"{}\", seed={})\n"
                        "    return take(embeddings, x, axis=0)",
                        input_dim, output_dim, init, static_cast<int64_t>(s)));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override {
    if (!mask_zero) return mask_rule_of(MaskRule::Kind::None);
    return mask_rule_of(MaskRule::Kind::Source, "lambda x: x != 0");
  }
};

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

Layer Embedding(int64_t input_dim, int64_t output_dim, EmbeddingOptions options) {
  return detail::make_layer<detail::EmbeddingLayer>("embedding", options, input_dim, output_dim, options);
}

}  // namespace lamina::layers
