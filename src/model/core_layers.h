#pragma once
// Dense and Lambda from their configs (for layer_from_config in
// src/model/layers/registry.cpp). The caller sets name and trainable.

#include <memory>

#include <nlohmann/json.hpp>

#include "model/layer_impl.h"

namespace lamina::detail {

/// From Layer::get_config()'s fields: units, activation, use_bias,
/// kernel_initializer, bias_initializer, seed. Throws lamina::Error for a
/// missing or mistyped field.
std::shared_ptr<LayerImpl> dense_from_config(const nlohmann::json& config);
/// From function, output_shape, output_shape_function, mask, arguments.
std::shared_ptr<LayerImpl> lambda_from_config(const nlohmann::json& config);

/// A config field as T, or `fallback` when absent; Value error naming the
/// class and field when it has another type.
template <class T>
T config_field(const nlohmann::json& config, const char* class_name, const char* field, T fallback) {
  if (!config.contains(field) || config[field].is_null()) return fallback;
  try {
    return config[field].get<T>();
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorKind::Value, std::string(class_name) + " config: field '" + field + "' has the wrong type (" +
                                      config[field].dump() + ")");
  }
}

}  // namespace lamina::detail
