#pragma once
// Inlining: copies one IR function into another, the way a model pastes each
// layer's lowered body into its own function.

#include <vector>

#include "ir/builder.h"
#include "ir/function.h"

namespace lamina::ir {

/// Appends `callee`'s computation to the function `b` builds and returns the
/// caller's values of the callee's outputs, in order. `inputs` gives a caller
/// value for each callee input and `params` one for each callee param (the
/// callee's param initial values are not used).
///
/// The callee's symbolic dims are renamed to the caller's: each input type is
/// unified with the given value's type, so a callee `None` becomes whatever
/// dim (known or symbolic) the caller has there, and attributes that mention a
/// symbol (a reshape target, a DimSize) follow. A symbol the callee makes up
/// on its own gets whatever the caller's type inference makes up in its place.
///
/// Copied nodes keep their source spans moved down by `line_offset` lines (so a
/// caller can place each callee's source at its own lines of one text), or
/// lose them when line_offset < 0.
///
/// Throws lamina::Error (Shape/Type) when a given value does not fit its input:
/// another dtype or rank, or a different known size.
std::vector<ValueId> inline_function(Builder& b, const Function& callee, const std::vector<ValueId>& inputs,
                                     const std::vector<ValueId>& params, int line_offset = -1);

}  // namespace lamina::ir
