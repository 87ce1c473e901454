#pragma once
// A model used as a layer of another model (Keras nesting).

#include <memory>

#include "lamina/model.h"

namespace lamina::detail {

/// The layer handle for `model`: the same layer for every call, so calling a
/// model twice is a shared layer. Its weights are the model's, named
/// "<model name>/<weight name>".
Layer model_as_layer(const std::shared_ptr<Model::Impl>& model);

/// The model behind a layer made by model_as_layer, or nullptr for any other layer.
std::shared_ptr<Model::Impl> model_of_layer(const Layer& layer);

}  // namespace lamina::detail
