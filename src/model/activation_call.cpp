// The activations a layer option may name: the DSL's activation builtins
// that take one tensor (docs/language.md, "Activations"), plus tanh.

#include "model/activation_call.h"

#include <vector>

#include <fmt/format.h>

#include "core/did_you_mean.h"
#include "lamina/error.h"

namespace lamina::detail {

std::string activation_call(const std::string& activation, const std::string& expr, const std::string& who) {
  static const std::vector<std::string> names = {
      "linear", "relu", "relu6", "leaky_relu", "elu", "selu", "celu", "gelu", "sigmoid", "hard_sigmoid",
      "log_sigmoid", "softplus", "softsign", "silu", "swish", "mish", "hard_silu", "hard_swish", "exponential", "softmax",
      "log_softmax", "tanh"};
  bool known = false;
  for (const auto& n : names) known |= n == activation;
  if (!known) {
    std::string hint = fmt::format("known activations: {}", fmt::join(names, ", "));
    if (auto s = did_you_mean(activation, names)) hint = fmt::format("did you mean '{}'?", *s);
    throw Error(ErrorKind::Value, fmt::format("{}: unknown activation '{}'", who, activation), {}, hint);
  }
  if (activation == "linear") return expr;
  return fmt::format("{}({})", activation, expr);
}

}  // namespace lamina::detail
