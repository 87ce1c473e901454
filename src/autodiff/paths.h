#pragma once
// Which forward values lie on a differentiable path from a requested value to
// the loss: the nodes a reverse sweep visits.

#include <string>
#include <vector>

#include "ir/function.h"

namespace lamina::autodiff {

/// A value to differentiate with respect to: its node, and how errors name it ("param 'w'").
struct Requested {
  ir::ValueId node;
  std::string name;
};

/// Marks every float value that depends differentiably on a requested value and
/// that the loss depends on (the loss included). Throws lamina::Error(Gradient)
/// at the first operation without a gradient (argmax, ...) when the loss depends
/// on a requested value only through such operations.
std::vector<bool> gradient_paths(const ir::Function& f, ir::ValueId loss, const std::vector<Requested>& wrt);

}  // namespace lamina::autodiff
