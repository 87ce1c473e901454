#pragma once
// The checks built-in layers make on their options and inputs. Every error
// names the layer the way a Keras user reads it — "Layer 'add' (Add)" — and
// the shapes involved, so a mistake in a model points at its layer.

#include <string>
#include <vector>

#include "lamina/error.h"
#include "model/layer_impl.h"

namespace lamina::detail {

/// Throws lamina::Error(kind) with the message "<layer.describe()> <what>".
[[noreturn]] void throw_layer_error(const LayerImpl& layer, ErrorKind kind, const std::string& what,
                                    const std::string& hint = {});

/// Merge layers take two or more inputs (Layer::call checks this too; this
/// covers building a layer directly).
void check_at_least_two(const LayerImpl& layer, const std::vector<TensorSpec>& inputs);

/// "(None, 3)", "(None, 3) and (None, 4)", "(None, 3), (None, 4) and (None, 5)".
std::string shapes_text(const std::vector<TensorSpec>& inputs);

/// `axis` (negative counts from the end) as an index into `shape`; it must
/// not be the batch axis 0. `what` names the option ("axis",
/// "axes[1]") and `shape` is quoted in the error.
int64_t resolve_feature_axis(const LayerImpl& layer, int64_t axis, const Shape& shape, const std::string& what);

}  // namespace lamina::detail
