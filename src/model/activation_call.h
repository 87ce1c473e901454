#pragma once
// Activation names as layers take them (Dense's `activation`, Activation).

#include <string>

namespace lamina::detail {

/// DSL text applying `activation` to `expr` ("relu(x @ kernel)"; "linear"
/// gives `expr` itself). Throws lamina::Error naming `who` (e.g. "Layer
/// 'dense' (Dense)") for an unknown activation, with a did-you-mean hint.
std::string activation_call(const std::string& activation, const std::string& expr, const std::string& who);

}  // namespace lamina::detail
