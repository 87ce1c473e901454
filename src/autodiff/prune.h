#pragma once
// Dead-code removal for the nodes a pass appended to a function.

#include <cstddef>

#include "ir/function.h"

namespace lamina::autodiff {

/// Removes the nodes from position `first` on that no output depends on (Input
/// nodes stay: the function's inputs refer to them), renumbering the rest.
/// Nodes before `first` are kept as they are.
void prune_from(ir::Function& f, size_t first);

}  // namespace lamina::autodiff
