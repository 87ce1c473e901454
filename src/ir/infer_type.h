#pragma once
// Shape and dtype inference: each op's type rule, used both before run time
// (with symbolic dims) and by the interpreter (with every dim known).

#include <functional>
#include <vector>

#include "ir/function.h"

namespace lamina::ir {

/// How symbolic dims are treated. At compile time `fresh` makes a new symbol for
/// a size not known until run time and `resolve` is the identity; at run time
/// `resolve` maps a symbol in an op's attributes to its bound size.
struct DimContext {
  std::function<Dim()> fresh;
  std::function<Dim(Dim)> resolve = [](Dim d) { return d; };
};

/// The type of `node` given its input types. Throws lamina::Error located at
/// node.span when the op cannot apply (both shapes named for a broadcast
/// failure, the valid range for an axis, ...).
Type infer_type(const Node& node, const std::vector<Type>& inputs, DimContext& ctx);

/// NumPy broadcasting of two static shapes; throws a Shape error at `span` naming both.
Shape broadcast_shapes(const Shape& a, const Shape& b, DimContext& ctx, SourceSpan span);

}  // namespace lamina::ir
