// layer_from_config: recreates a layer from its class name and Keras config
// (what model files store), through the same factories users call. Fields a
// config does not give take the factory's default; fields this runtime does
// not know (Keras' "dtype", regularizers, ...) are ignored; a known field of
// the wrong type is an error naming the class and the field.

#include <functional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/did_you_mean.h"
#include "model/core_layers.h"
#include "model/layer_impl.h"

namespace lamina::detail {
namespace {

using nlohmann::json;

/// Typed access to one layer config's fields.
class ConfigReader {
 public:
  ConfigReader(const std::string& class_name, const json& config) : class_name_(class_name), config_(config) {}

  bool has(const char* key) const { return config_.contains(key) && !config_[key].is_null(); }

  int64_t integer(const char* key, std::optional<int64_t> fallback = std::nullopt) const {
    if (!has(key)) return fallback ? *fallback : missing<int64_t>(key, "an integer");
    const json& v = config_[key];
    if (!v.is_number_integer()) wrong(key, "an integer");
    return v.get<int64_t>();
  }
  double number(const char* key, double fallback) const {
    if (!has(key)) return fallback;
    const json& v = config_[key];
    if (!v.is_number()) wrong(key, "a number");
    return v.get<double>();
  }
  bool boolean(const char* key, bool fallback) const {
    if (!has(key)) return fallback;
    const json& v = config_[key];
    if (!v.is_boolean()) wrong(key, "true or false");
    return v.get<bool>();
  }
  std::string string(const char* key, const std::string& fallback) const {
    if (!has(key)) return fallback;
    const json& v = config_[key];
    if (!v.is_string()) wrong(key, "a string");
    return v.get<std::string>();
  }
  std::vector<int64_t> integers(const char* key) const {
    if (!has(key)) return missing<std::vector<int64_t>>(key, "a list of integers");
    const json& v = config_[key];
    if (!v.is_array()) wrong(key, "a list of integers");
    std::vector<int64_t> out;
    for (const json& item : v) {
      if (!item.is_number_integer()) wrong(key, "a list of integers");
      out.push_back(item.get<int64_t>());
    }
    return out;
  }
  /// An int or a list of ints (Dot's axes), as a list.
  std::vector<int64_t> integer_or_integers(const char* key) const {
    if (has(key) && config_[key].is_number_integer()) return {config_[key].get<int64_t>()};
    return integers(key);
  }
  std::optional<uint64_t> seed(const char* key) const {
    if (!has(key)) return std::nullopt;
    const json& v = config_[key];
    if (!v.is_number_unsigned()) wrong(key, "a non-negative integer or null");
    return v.get<uint64_t>();
  }
  /// Keras' batch_input_shape / batch_shape ([null, 784]) as input_shape ((784,)).
  std::optional<Shape> input_shape() const {
    for (const char* key : {"batch_input_shape", "batch_shape"}) {
      if (!has(key)) continue;
      const json& v = config_[key];
      if (!v.is_array() || v.empty()) wrong(key, "a list of sizes starting with the batch size");
      Shape shape;
      for (size_t i = 1; i < v.size(); ++i) {
        if (v[i].is_null()) shape.push_back(std::nullopt);
        else if (v[i].is_number_integer() && v[i].get<int64_t>() >= 0) shape.push_back(v[i].get<int64_t>());
        else wrong(key, "a list of sizes (non-negative integers or null)");
      }
      return shape;
    }
    return std::nullopt;
  }

  const json& raw() const { return config_; }

  [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const {
    throw Error(ErrorKind::Value, fmt::format("{} config: {}", class_name_, message), {}, hint);
  }

 private:
  [[noreturn]] void wrong(const char* key, const char* expected) const {
    fail(fmt::format("field '{}' must be {}, got {}", key, expected, config_[key].dump()));
  }
  template <class T>
  [[noreturn]] T missing(const char* key, const char* expected) const {
    fail(fmt::format("field '{}' ({}) is missing", key, expected));
  }

  const std::string& class_name_;
  const json& config_;
};

using Factory = std::function<Layer(const ConfigReader&, layers::CommonOptions)>;

const std::map<std::string, Factory>& factories() {
  using namespace layers;
  static const std::map<std::string, Factory> table = {
      {"Dense", [](const ConfigReader& c, CommonOptions) { return Layer(dense_from_config(c.raw())); }},
      {"Lambda", [](const ConfigReader& c, CommonOptions) { return Layer(lambda_from_config(c.raw())); }},
      {"Activation", [](const ConfigReader& c, CommonOptions o) { return Activation(c.string("activation", "linear"), o); }},
      {"Dropout", [](const ConfigReader& c, CommonOptions o) { return Dropout(c.number("rate", 0.0), o); }},
      {"Flatten",
       [](const ConfigReader& c, CommonOptions o) {
         std::string format = c.string("data_format", "channels_last");
         if (format != "channels_last")
           c.fail(fmt::format("data_format '{}' is not supported", format), "only channels_last is");
         return Flatten(o);
       }},
      {"Reshape", [](const ConfigReader& c, CommonOptions o) { return Reshape(c.integers("target_shape"), o); }},
      {"Permute", [](const ConfigReader& c, CommonOptions o) { return Permute(c.integers("dims"), o); }},
      {"RepeatVector", [](const ConfigReader& c, CommonOptions o) { return RepeatVector(c.integer("n"), o); }},
      {"Concatenate", [](const ConfigReader& c, CommonOptions o) { return Concatenate(c.integer("axis", -1), o); }},
      {"Add", [](const ConfigReader&, CommonOptions o) { return Add(o); }},
      {"Subtract", [](const ConfigReader&, CommonOptions o) { return Subtract(o); }},
      {"Multiply", [](const ConfigReader&, CommonOptions o) { return Multiply(o); }},
      {"Average", [](const ConfigReader&, CommonOptions o) { return Average(o); }},
      {"Maximum", [](const ConfigReader&, CommonOptions o) { return Maximum(o); }},
      {"Minimum", [](const ConfigReader&, CommonOptions o) { return Minimum(o); }},
      {"Dot",
       [](const ConfigReader& c, CommonOptions o) {
         return Dot({.axes = c.integer_or_integers("axes"), .normalize = c.boolean("normalize", false),
                     .name = o.name, .input_shape = o.input_shape});
       }},
      {"Softmax", [](const ConfigReader& c, CommonOptions o) { return Softmax(c.integer("axis", -1), o); }},
      {"LayerNormalization",
       [](const ConfigReader& c, CommonOptions o) {
         return LayerNormalization({.axis = c.integer("axis", -1), .epsilon = c.number("epsilon", 1e-3),
                                    .center = c.boolean("center", true), .scale = c.boolean("scale", true),
                                    .name = o.name, .input_shape = o.input_shape});
       }},
      {"BatchNormalization",
       [](const ConfigReader& c, CommonOptions o) {
         return BatchNormalization({.axis = c.integer("axis", -1), .epsilon = c.number("epsilon", 1e-3),
                                    .momentum = c.number("momentum", 0.99), .center = c.boolean("center", true),
                                    .scale = c.boolean("scale", true), .name = o.name, .input_shape = o.input_shape});
       }},
      {"Embedding",
       [](const ConfigReader& c, CommonOptions o) {
         return Embedding(c.integer("input_dim"), c.integer("output_dim"),
                          {.mask_zero = c.boolean("mask_zero", false),
                           .embeddings_initializer = c.string("embeddings_initializer", "uniform"),
                           .seed = c.seed("seed"), .name = o.name, .input_shape = o.input_shape});
       }},
      {"Masking", [](const ConfigReader& c, CommonOptions o) { return Masking(c.number("mask_value", 0.0), o); }},
  };
  return table;
}

}  // namespace

std::shared_ptr<LayerImpl> layer_from_config(const std::string& class_name, const nlohmann::json& config) {
  const auto& table = factories();
  auto it = table.find(class_name);
  if (it == table.end()) {
    std::vector<std::string> names;
    for (const auto& entry : table) names.push_back(entry.first);
    auto close = did_you_mean(class_name, names);
    throw Error(ErrorKind::Name, fmt::format("unknown layer class '{}'", class_name), {},
                close ? fmt::format("did you mean '{}'?", *close)
                      : fmt::format("layer classes are {}", fmt::join(names, ", ")));
  }
  if (!config.is_object())
    throw Error(ErrorKind::Value, fmt::format("{} config must be a JSON object, got {}", class_name, config.dump()));
  ConfigReader reader(class_name, config);
  std::optional<Shape> input_shape = reader.input_shape();
  Layer layer = it->second(reader, {.name = reader.string("name", ""), .input_shape = input_shape});
  layer.impl->input_shape = input_shape;
  layer.impl->trainable = reader.boolean("trainable", true);
  return layer.impl;
}

}  // namespace lamina::detail
