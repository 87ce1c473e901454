#pragma once
// How every built-in layer factory (layers::Add(), layers::Reshape(), ...)
// turns a LayerImpl into a handle: the Keras name, the input_shape option,
// and the option checks that need the name for their messages.

#include <memory>
#include <optional>
#include <string>

#include "lamina/model.h"
#include "model/layer_impl.h"

namespace lamina::detail {

/// Names `impl` `given` (or the next of "base", "base_1", ... when empty),
/// stores `input_shape`, runs impl->check_options() when the class has one,
/// and wraps it in a Layer.
template <class Impl>
Layer make_layer(std::shared_ptr<Impl> impl, const std::string& base, const std::string& given,
                 std::optional<Shape> input_shape) {
  impl->name = layer_name(given, base);
  impl->input_shape = std::move(input_shape);
  if constexpr (requires { impl->check_options(); }) impl->check_options();
  return Layer(std::move(impl));
}

/// A body from its source alone (no bound arguments).
inline LayerBody source_body(std::string source) {
  LayerBody body;
  body.source = std::move(source);
  return body;
}

/// A mask rule of `kind`; Source rules take their DSL lambda.
inline MaskRule mask_rule_of(MaskRule::Kind kind, std::string source = {}) {
  MaskRule rule;
  rule.kind = kind;
  rule.source = std::move(source);
  return rule;
}

}  // namespace lamina::detail
