#pragma once
// Model files changed the way a corrupted or hostile file would be, for the
// error-path tests: the container rewritten consistently, only the part under
// test wrong.

#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "io/safetensors.h"

namespace lamina::testing {

/// `file` with its safetensors contents changed by `edit`.
std::string edit_contents(const std::string& file, const std::function<void(safetensors::Contents&)>& edit);
/// `file` with its model config (the `model` metadata value) changed by `edit`.
std::string edit_config(const std::string& file, const std::function<void(nlohmann::json&)>& edit);
/// `file` with its model config replaced by `text`.
std::string with_config_text(const std::string& file, const std::string& text);

/// The message of the lamina::Error `f` throws ("" if it throws none).
std::string error_message(const std::function<void()>& f);

}  // namespace lamina::testing
