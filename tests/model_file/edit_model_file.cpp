#include "model_file/edit_model_file.h"

#include "lamina/error.h"

namespace lamina::testing {

namespace st = lamina::safetensors;

std::string edit_contents(const std::string& file, const std::function<void(st::Contents&)>& edit) {
  st::Contents c = st::parse(std::as_bytes(std::span<const char>(file.data(), file.size())), "test file");
  edit(c);
  std::vector<std::byte> bytes = st::serialize(c);
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::string edit_config(const std::string& file, const std::function<void(nlohmann::json&)>& edit) {
  return edit_contents(file, [&](st::Contents& c) {
    nlohmann::json config = nlohmann::json::parse(c.metadata.at("model"));
    edit(config);
    c.metadata["model"] = config.dump();
  });
}

std::string with_config_text(const std::string& file, const std::string& text) {
  return edit_contents(file, [&](st::Contents& c) { c.metadata["model"] = text; });
}

std::string error_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "";
}

}  // namespace lamina::testing
