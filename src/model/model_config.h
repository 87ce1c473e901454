#pragma once
// A model's config as JSON (the `model` entry of a model file's metadata; the
// schema is in docs/file-format.md, "Model config"), and the model rebuilt
// from it.

#include <nlohmann/json.hpp>

#include "lamina/model.h"
#include "lamina/model_file.h"

namespace lamina::detail {

/// {"class_name": "Functional" | "Sequential", "config": {...}}
nlohmann::json model_config(const Model& model);

/// Refuses config text that nlohmann-json must not see: NUL bytes (it takes one
/// for the end of its input), nesting deeper than limits.max_config_depth (its
/// dump and comparison recurse), more than limits.max_config_bytes.
/// `name` is how messages refer to the file.
void check_config_text(std::string_view text, const ModelLimits& limits, const std::string& name);

/// The model a model_config() describes, with freshly initialised weights.
/// Throws lamina::Error naming `name` and the layer or field at fault.
Model model_from_config(const nlohmann::json& config, const ModelLimits& limits, const std::string& name);

}  // namespace lamina::detail
