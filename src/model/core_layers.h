#pragma once
// Dense and Lambda from their configs (for layer_from_config in
// src/model/layers/registry.cpp). The caller sets name and trainable.

#include <cstdint>
#include <limits>
#include <memory>
#include <type_traits>

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
  const nlohmann::json& v = config[field];
  // nlohmann converts a float to an integer type with a plain cast, undefined
  // behaviour when it is out of range (4e69 as "units"): integers must be JSON integers.
  bool fits = true;
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    fits = std::is_signed_v<T> ? v.is_number_integer() && (!v.is_number_unsigned() ||
                                                            v.get<uint64_t>() <= uint64_t(std::numeric_limits<T>::max()))
                               : v.is_number_unsigned();
  }
  if (!fits)
    throw Error(ErrorKind::Value, std::string(class_name) + " config: field '" + field + "' has the wrong type (" +
                                      v.dump() + ")");
  try {
    return config[field].get<T>();
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorKind::Value, std::string(class_name) + " config: field '" + field + "' has the wrong type (" +
                                      config[field].dump() + ")");
  }
}

}  // namespace lamina::detail
