// The layers that move values without computing: Flatten, Reshape, Permute
// and RepeatVector. Their shapes change, so (as in Keras) they drop the mask.

#include <algorithm>
#include <numeric>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/layers/layer_checks.h"
#include "model/layers/make_layer.h"
#include "model/layers/source_text.h"

namespace lamina::detail {
namespace {

const MaskRule kNoMask = mask_rule_of(MaskRule::Kind::None);

/// (batch, a, b, ...) → (batch, a * b * ...); a rank-1 input becomes (batch, 1).
struct FlattenLayer final : LayerImpl {
  std::string class_name() const override { return "Flatten"; }
  nlohmann::json config() const override { return {{"data_format", "channels_last"}}; }
  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    if (inputs.at(0).shape.size() < 2) return source_body("lambda x: reshape(x, (None, 1))");
    return source_body("lambda x: flatten(x)");
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return kNoMask; }
};

/// The values of each sample in a new shape; target_shape leaves out the
/// batch axis, and one of its sizes may be -1 (inferred).
struct ReshapeLayer final : LayerImpl {
  std::vector<int64_t> target_shape;

  explicit ReshapeLayer(std::vector<int64_t> target) : target_shape(std::move(target)) {}
  void check_options() const {
    auto inferred = std::count(target_shape.begin(), target_shape.end(), -1);
    bool valid = inferred <= 1 && std::all_of(target_shape.begin(), target_shape.end(),
                                              [](int64_t d) { return d > 0 || d == -1; });
    if (!valid)
      throw_layer_error(*this, ErrorKind::Value, fmt::format("got target_shape {}", int_tuple(target_shape)),
                        "target_shape holds positive sizes, at most one of them -1 (inferred from the others)");
  }

  std::string class_name() const override { return "Reshape"; }
  nlohmann::json config() const override { return {{"target_shape", target_shape}}; }
  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    const Shape& in = inputs.at(0).shape;
    bool known = std::all_of(in.begin() + std::min<size_t>(1, in.size()), in.end(),
                             [](const std::optional<int64_t>& d) { return d.has_value(); });
    if (known) {
      int64_t have = 1;
      for (size_t i = 1; i < in.size(); ++i) have *= *in[i];
      int64_t want = 1;
      for (int64_t d : target_shape)
        if (d != -1) want *= d;
      bool infers = std::count(target_shape.begin(), target_shape.end(), -1) == 1;
      bool fits = infers ? (want != 0 && have % want == 0) : have == want;
      if (!fits)
        throw_layer_error(*this, ErrorKind::Shape,
                          fmt::format("cannot reshape an input of shape {} ({} values per sample) to target_shape {}"
                                      " ({} values{})",
                                      format_shape(in), have, int_tuple(target_shape), want,
                                      infers ? " times the -1 size" : ""),
                          "target_shape leaves out the batch axis; its sizes must multiply to the number of "
                          "values per sample");
    }
    std::vector<std::string> dims = {"None"};
    for (int64_t d : target_shape) dims.push_back(std::to_string(d));
    return source_body(fmt::format("lambda x: reshape(x, ({}))", join(dims)));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return kNoMask; }
};

/// Reorders the non-batch axes; dims counts them from 1, as in Keras.
struct PermuteLayer final : LayerImpl {
  std::vector<int64_t> dims;

  explicit PermuteLayer(std::vector<int64_t> dims) : dims(std::move(dims)) {}
  void check_options() const {
    std::vector<int64_t> sorted = dims;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int64_t> expected(dims.size());
    std::iota(expected.begin(), expected.end(), 1);
    if (dims.empty() || sorted != expected)
      throw_layer_error(*this, ErrorKind::Value,
                        fmt::format("got dims {}, which is not a permutation of 1..{}", int_tuple(dims), dims.size()),
                        "dims lists every non-batch axis once, counting from 1: (2, 1) swaps the two axes of a "
                        "(batch, a, b) input");
  }

  std::string class_name() const override { return "Permute"; }
  nlohmann::json config() const override { return {{"dims", dims}}; }
  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    const Shape& in = inputs.at(0).shape;
    if (in.size() != dims.size() + 1)
      throw_layer_error(*this, ErrorKind::Shape,
                        fmt::format("with dims {} needs an input with {} axes after the batch axis, got shape {}",
                                    int_tuple(dims), dims.size(), format_shape(in)));
    std::vector<int64_t> axes = {0};
    axes.insert(axes.end(), dims.begin(), dims.end());
    return source_body(fmt::format("lambda x: transpose(x, {})", int_tuple(axes)));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return kNoMask; }
};

/// (batch, features) → (batch, n, features).
struct RepeatVectorLayer final : LayerImpl {
  int64_t n;

  explicit RepeatVectorLayer(int64_t n) : n(n) {}
  void check_options() const {
    if (n < 1)
      throw_layer_error(*this, ErrorKind::Value, fmt::format("got n={}", n), "n is how many times to repeat: 1 or more");
  }

  std::string class_name() const override { return "RepeatVector"; }
  nlohmann::json config() const override { return {{"n", n}}; }
  LayerBody body(const std::vector<TensorSpec>& inputs) const override {
    const Shape& in = inputs.at(0).shape;
    if (in.size() != 2)
      throw_layer_error(*this, ErrorKind::Shape,
                        fmt::format("expects a 2D input (batch, features), got shape {}", format_shape(in)),
                        "Flatten or Reshape the input first");
    return source_body(fmt::format("lambda x: repeat(expand_dims(x, 1), {}, axis=1)", n));
  }
  MaskRule mask_rule(const std::vector<TensorSpec>&) const override { return kNoMask; }
};

}  // namespace
}  // namespace lamina::detail

namespace lamina::layers {

Layer Flatten(CommonOptions options) {
  return detail::make_layer<detail::FlattenLayer>("flatten", options);
}

Layer Reshape(std::vector<int64_t> target_shape, CommonOptions options) {
  return detail::make_layer<detail::ReshapeLayer>("reshape", options, std::move(target_shape));
}

Layer Permute(std::vector<int64_t> dims, CommonOptions options) {
  return detail::make_layer<detail::PermuteLayer>("permute", options, std::move(dims));
}

Layer RepeatVector(int64_t n, CommonOptions options) {
  return detail::make_layer<detail::RepeatVectorLayer>("repeat_vector", options, n);
}

}  // namespace lamina::layers
