// Model files: the model config in the safetensors metadata, the weights as its
// tensors (docs/file-format.md).

#include "lamina/model_file.h"

#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/format_version.h"
#include "io/safetensors.h"
#include "model/model_config.h"

namespace lamina {

namespace st = lamina::safetensors;

namespace {

/// The metadata key of the model config.
constexpr const char* kModelKey = "model";

st::Limits container_limits(const ModelLimits& l) {
  st::Limits c;
  c.max_header_bytes = l.max_header_bytes;
  c.max_tensors = l.max_tensors;
  c.max_rank = l.max_rank;
  c.max_dim = l.max_dim;
  c.max_elements = l.max_elements;
  c.max_data_bytes = l.max_data_bytes;
  c.max_metadata_value_bytes = std::max<uint64_t>(c.max_metadata_value_bytes, l.max_config_bytes);
  return c;
}

/// The model's weights, each once (a shared layer's weights appear once; a
/// layer shared between a nested model and its outer model appears under both names).
std::vector<Weight> unique_weights(const Model& model) {
  std::vector<Weight> out;
  std::set<std::string> seen;
  for (Weight& w : model.weights())
    if (seen.insert(w.name).second) out.push_back(std::move(w));
  return out;
}

std::string name_list(const std::vector<std::string>& names) {
  constexpr size_t kShown = 8;
  std::vector<std::string> shown(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), kShown)));
  std::string text = fmt::format("'{}'", fmt::join(shown, "', '"));
  if (names.size() > kShown) text += fmt::format(" and {} more", names.size() - kShown);
  return text;
}

std::string dims_text(const Dims& d) { return fmt::format("({})", fmt::join(d, ", ")); }

/// Copies the file's tensors into the model's weights after checking that they
/// match one to one in name, dtype and shape.
void load_weights(const Model& model, const st::Contents& contents, const std::string& name) {
  std::vector<Weight> weights = unique_weights(model);
  std::set<std::string> wanted;
  std::vector<std::string> missing, extra;
  for (const Weight& w : weights) {
    wanted.insert(w.name);
    if (!contents.find(w.name)) missing.push_back(w.name);
  }
  for (const st::NamedTensor& t : contents.tensors)
    if (!wanted.count(t.name)) extra.push_back(t.name);
  if (!missing.empty())
    throw Error(ErrorKind::File,
                fmt::format("{}: the model's weight{} {} {} not in the file", name, missing.size() > 1 ? "s" : "",
                            name_list(missing), missing.size() > 1 ? "are" : "is"),
                {}, "the file is incomplete, or its config does not match its tensors");
  if (!extra.empty())
    throw Error(ErrorKind::File,
                fmt::format("{}: the file holds tensor{} {} that no layer of the model has", name,
                            extra.size() > 1 ? "s" : "", name_list(extra)),
                {}, "the file's config does not match its tensors");
  for (Weight& w : weights) {
    const Tensor& t = *contents.find(w.name);
    if (t.dtype() != w.value.dtype() || t.dims() != w.value.dims())
      throw Error(ErrorKind::File,
                  fmt::format("{}: weight '{}' is {} {} in the file, but the model's layer makes it {} {}", name, w.name,
                              dtype_name(t.dtype()), dims_text(t.dims()), dtype_name(w.value.dtype()),
                              dims_text(w.value.dims())),
                  {}, "the file's config does not match its tensors");
    std::memcpy(w.value.raw(), t.raw(), t.nbytes());
  }
}

}  // namespace

std::string serialize_model(const Model& model) {
  st::Contents contents;
  contents.metadata[std::string(kFormatVersionKey)] = format_version();
  contents.metadata[kModelKey] = detail::model_config(model).dump();
  for (Weight& w : unique_weights(model)) contents.tensors.push_back({w.name, w.value});
  std::vector<std::byte> bytes = st::serialize(contents);
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

void save_model(const Model& model, const std::string& path) {
  std::string bytes = serialize_model(model);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorKind::File, fmt::format("{}: cannot open for writing: {}", path, std::strerror(errno)));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(ErrorKind::File, fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
}

namespace {

Model model_from_contents(const st::Contents& contents, const ModelLimits& limits, const std::string& name) {
  check_format_version(contents.metadata, name);
  auto it = contents.metadata.find(kModelKey);
  if (it == contents.metadata.end())
    throw Error(ErrorKind::File, fmt::format("{}: the file has no model config (no \"{}\" in __metadata__)", name, kModelKey),
                {}, "it may be a plain safetensors file of weights, not a Lamina model");
  detail::check_config_text(it->second, limits, name);
  nlohmann::json config = nlohmann::json::parse(it->second, nullptr, false);
  if (config.is_discarded())
    throw Error(ErrorKind::File, fmt::format("{}: the model config is not valid JSON", name));
  Model model = detail::model_from_config(config, limits, name);
  load_weights(model, contents, name);
  return model;
}

}  // namespace

Model load_model(const std::string& path, const ModelLimits& limits) {
  return model_from_contents(st::read(path, container_limits(limits)), limits, path);
}

Model parse_model(std::string_view bytes, const ModelLimits& limits, const std::string& name_for_errors) {
  auto span = std::as_bytes(std::span<const char>(bytes.data(), bytes.size()));
  return model_from_contents(st::parse(span, name_for_errors, container_limits(limits)), limits, name_for_errors);
}

}  // namespace lamina
