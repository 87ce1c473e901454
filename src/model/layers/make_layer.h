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

/// A handle on a new Impl(args...) named `options.name` (or the next of
/// "base", "base_1", ... when empty), with `options.input_shape`, after
/// impl->check_options() when the class has one.
template <class Impl, class Options, class... Args>
Layer make_layer(const char* base, const Options& options, Args&&... args) {
  auto impl = std::make_shared<Impl>(std::forward<Args>(args)...);
  impl->name = layer_name(options.name, base);
  impl->input_shape = options.input_shape;
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
