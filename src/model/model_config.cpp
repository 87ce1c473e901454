// Model configs: a model's layers and connections as JSON, in Keras' functional
// config form (each layer with the calls made of it, each call naming the
// tensors it took as [layer name, node index, tensor index]), and back.

#include "model/model_config.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "model/graph.h"
#include "model/model_layer.h"

namespace lamina::detail {

using nlohmann::json;

namespace {

json layer_config(const Layer& layer) { return json::parse(layer.get_config()); }

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

json functional_config(const Model::Impl& m);
json sequential_config(const Model::Impl& m);

/// A layer entry without its calls: class_name and config (a nested model's config is its own).
json layer_entry(const Layer& layer) {
  if (auto nested = model_of_layer(layer)) {
    const Model::Impl& m = *nested;
    json c = m.sequential ? sequential_config(m) : functional_config(m);
    c["trainable"] = layer.trainable();
    return {{"class_name", layer.class_name()}, {"config", c}};
  }
  return {{"class_name", layer.class_name()}, {"config", layer_config(layer)}};
}

json functional_config(const Model::Impl& m) {
  // Each node's position among its layer's nodes in this model.
  std::map<const GraphNode*, int> node_index;
  std::map<const LayerImpl*, int> calls;
  for (const auto& node : m.nodes) node_index[node.get()] = calls[node->layer.get()]++;
  auto ref = [&](const SymbolicTensor& t) { return json::array({t.node->layer->name, node_index.at(t.node.get()), t.index}); };

  json layers = json::array();
  for (const Layer& layer : m.layers) {
    json entry = layer_entry(layer);
    json inbound = json::array();
    for (const auto& node : m.nodes) {
      if (node->layer != layer.impl || node->is_input()) continue;
      json args = json::array();
      for (const SymbolicTensor& t : node->inputs) args.push_back(ref(t));
      inbound.push_back(args);
    }
    entry["inbound_nodes"] = inbound;
    layers.push_back(entry);
  }
  json in = json::array(), out = json::array();
  for (const SymbolicTensor& t : m.inputs) in.push_back(ref(t));
  for (const SymbolicTensor& t : m.outputs) out.push_back(ref(t));
  return {{"name", m.name}, {"layers", layers}, {"input_layers", in}, {"output_layers", out}};
}

json sequential_config(const Model::Impl& m) {
  json layers = json::array();
  if (m.has_graph()) layers.push_back(layer_entry(Layer(m.inputs[0].node->layer)));
  for (const Layer& layer : m.stack) layers.push_back(layer_entry(layer));
  return {{"name", m.name}, {"layers", layers}};
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

class Loader {
 public:
  Loader(const ModelLimits& limits, const std::string& name) : limits_(limits), name_(name) {}

  [[noreturn]] void fail(const std::string& message, const std::string& hint = {}, ErrorKind kind = ErrorKind::File) const {
    throw Error(kind, fmt::format("{}: {}", name_, message), {}, hint);
  }

  const json& field(const json& object, const char* key, const std::string& where) const {
    if (!object.is_object()) fail(fmt::format("{} must be a JSON object", where));
    auto it = object.find(key);
    if (it == object.end()) fail(fmt::format("{} has no '{}'", where, key));
    return *it;
  }
  std::string string_field(const json& object, const char* key, const std::string& where) const {
    const json& v = field(object, key, where);
    if (!v.is_string()) fail(fmt::format("'{}' of {} must be a string, got {}", key, where, v.dump()));
    return v.get<std::string>();
  }
  const json& array_field(const json& object, const char* key, const std::string& where) const {
    const json& v = field(object, key, where);
    if (!v.is_array()) fail(fmt::format("'{}' of {} must be a list", key, where));
    return v;
  }

  Model model(const json& entry, int depth) {
    if (static_cast<uint64_t>(depth) > limits_.max_model_depth)
      fail(fmt::format("models are nested more than {} deep", limits_.max_model_depth),
           "raise ModelLimits::max_model_depth if the file is trusted", ErrorKind::Limit);
    std::string class_name = string_field(entry, "class_name", "the model config");
    const json& config = field(entry, "config", "the model config");
    if (class_name == "Functional") return functional(config, depth);
    if (class_name == "Sequential") return sequential(config, depth);
    fail(fmt::format("unknown model class '{}'", class_name), "model classes are Functional and Sequential");
  }

 private:
  void count_layer() {
    if (++layers_ > limits_.max_layers)
      fail(fmt::format("the model has more than {} layers", limits_.max_layers),
           "raise ModelLimits::max_layers if the file is trusted", ErrorKind::Limit);
  }
  void count_node() {
    if (++nodes_ > limits_.max_nodes)
      fail(fmt::format("the model has more than {} layer calls", limits_.max_nodes),
           "raise ModelLimits::max_nodes if the file is trusted", ErrorKind::Limit);
  }

  void check_sources(const std::string& class_name, const json& config, const std::string& layer) const {
    if (class_name != "Lambda" || !config.is_object()) return;
    for (const char* key : {"function", "mask", "output_shape_function"}) {
      auto it = config.find(key);
      if (it != config.end() && it->is_string() && it->get_ref<const std::string&>().size() > limits_.max_source_bytes)
        fail(fmt::format("layer '{}': its {} is {} bytes long, more than the limit of {}", layer, key,
                         it->get_ref<const std::string&>().size(), limits_.max_source_bytes),
             "raise ModelLimits::max_source_bytes if the file is trusted", ErrorKind::Limit);
    }
  }

  /// An Input from an InputLayer config.
  SymbolicTensor input(const json& config, const std::string& name) const {
    std::string where = fmt::format("InputLayer '{}'", name);
    const json& shape = array_field(config, "batch_input_shape", where);
    if (shape.empty()) fail(fmt::format("{}: batch_input_shape is empty; it starts with the batch axis", where));
    Shape s;
    for (size_t i = 1; i < shape.size(); ++i) {
      if (shape[i].is_null()) s.push_back(std::nullopt);
      else if (shape[i].is_number_unsigned()) s.push_back(shape[i].get<int64_t>());
      else fail(fmt::format("{}: batch_input_shape holds {}; sizes are non-negative integers or null", where,
                            shape[i].dump()));
      if (s.back() && *s.back() > static_cast<int64_t>(limits_.max_dim))
        fail(fmt::format("{}: dimension {} is over the limit of {}", where, *s.back(), limits_.max_dim), {},
             ErrorKind::Limit);
    }
    if (s.size() + 1 > limits_.max_rank)
      fail(fmt::format("{}: rank {} is over the limit of {}", where, s.size() + 1, limits_.max_rank), {},
           ErrorKind::Limit);
    std::string dtype_text = config.contains("dtype") ? string_field(config, "dtype", where) : "float32";
    auto dtype = parse_dtype(dtype_text);
    if (!dtype) fail(fmt::format("{}: unknown dtype '{}'", where, dtype_text));
    return Input(s, {.name = name, .dtype = *dtype});
  }

  /// The layer an entry describes (not InputLayer), named `name`.
  Layer layer(const std::string& class_name, const json& config, const std::string& name, int depth) {
    if (class_name == "Functional" || class_name == "Sequential") {
      Model m = model({{"class_name", class_name}, {"config", config}}, depth + 1);
      Layer l = m.as_layer();
      if (config.contains("trainable")) {
        if (!config["trainable"].is_boolean()) fail(fmt::format("model '{}': 'trainable' must be true or false", name));
        l.set_trainable(config["trainable"].get<bool>());
      }
      return l;
    }
    check_sources(class_name, config, name);
    try {
      return Layer(layer_from_config(class_name, config));
    } catch (const Error& e) {
      throw Error(e.kind(), fmt::format("{}: layer '{}': {}", name_, name, e.message()), {}, e.hint());
    }
  }

  std::string layer_name(const json& entry, const std::string& where) const {
    const json& config = field(entry, "config", where);
    std::string name = string_field(config, "name", where);
    if (name.empty()) fail(fmt::format("{} has an empty name", where));
    return name;
  }

  Model sequential(const json& config, int depth) {
    std::string name = string_field(config, "name", "the Sequential config");
    const json& entries = array_field(config, "layers", fmt::format("Sequential '{}'", name));
    std::optional<SymbolicTensor> in;
    std::vector<Layer> stack;
    for (size_t i = 0; i < entries.size(); ++i) {
      std::string where = fmt::format("layer {} of Sequential '{}'", i, name);
      count_layer();
      std::string class_name = string_field(entries[i], "class_name", where);
      std::string layer = layer_name(entries[i], where);
      if (class_name == "InputLayer") {
        if (i != 0) fail(fmt::format("{} is an InputLayer; only the first layer of a Sequential may be one", where));
        in = input(entries[i]["config"], layer);
        continue;
      }
      stack.push_back(this->layer(class_name, entries[i]["config"], layer, depth));
    }
    Sequential m({}, name);
    for (Layer& l : stack) {
      count_node();
      m.impl->stack.push_back(std::move(l));
    }
    try {
      connect_sequential(*m.impl, in);
    } catch (const Error& e) {
      throw Error(e.kind(), fmt::format("{}: {}", name_, e.message()), {}, e.hint());
    }
    return m;
  }

  struct Pending {
    Layer layer;
    std::string name;
    const json* inbound = nullptr;  // the list of calls
    size_t done = 0;                // calls made so far
  };

  /// [layer name, node index, tensor index] → the tensor, or nullopt if that call is not made yet.
  std::optional<SymbolicTensor> resolve(const json& ref, const std::map<std::string, std::vector<std::vector<SymbolicTensor>>>& made,
                                        const std::string& where) const {
    if (!ref.is_array() || ref.size() < 3 || !ref[0].is_string() || !ref[1].is_number_unsigned() ||
        !ref[2].is_number_unsigned())
      fail(fmt::format("{}: {} is not a tensor reference [layer name, node index, tensor index]", where, ref.dump()));
    const std::string& layer = ref[0].get_ref<const std::string&>();
    auto it = made.find(layer);
    if (it == made.end()) fail(fmt::format("{} refers to layer '{}', which the model does not have", where, layer));
    uint64_t node = ref[1].get<uint64_t>(), index = ref[2].get<uint64_t>();
    if (node >= it->second.size()) return std::nullopt;
    if (index >= it->second[node].size())
      fail(fmt::format("{} refers to output {} of layer '{}', which has {}", where, index, layer, it->second[node].size()));
    return it->second[node][index];
  }

  Model functional(const json& config, int depth) {
    std::string name = string_field(config, "name", "the Functional config");
    std::string model_where = fmt::format("Model '{}'", name);
    const json& entries = array_field(config, "layers", model_where);
    std::map<std::string, std::vector<std::vector<SymbolicTensor>>> made;  // each layer's calls' outputs
    std::vector<Pending> pending;
    for (size_t i = 0; i < entries.size(); ++i) {
      std::string where = fmt::format("layer {} of {}", i, model_where);
      count_layer();
      std::string class_name = string_field(entries[i], "class_name", where);
      std::string layer = layer_name(entries[i], where);
      if (made.count(layer)) fail(fmt::format("{} has two layers named '{}'", model_where, layer));
      made[layer];
      if (class_name == "InputLayer") {
        count_node();
        made[layer].push_back({input(entries[i]["config"], layer)});
        continue;
      }
      const json& inbound = array_field(entries[i], "inbound_nodes", fmt::format("layer '{}'", layer));
      pending.push_back({this->layer(class_name, entries[i]["config"], layer, depth), layer, &inbound});
    }
    // Make every call, each after the calls its inputs come from: depth first,
    // with an explicit stack (a file's graph may be deep), in time linear in
    // the number of references. A stack longer than the number of calls means
    // a cycle.
    std::map<std::string, size_t> index_of;
    size_t total_calls = 0;
    for (size_t i = 0; i < pending.size(); ++i) {
      index_of[pending[i].name] = i;
      total_calls += pending[i].inbound->size();
    }
    auto unmakeable = [&](const Pending& p) {
      fail(fmt::format("call {} of layer '{}' takes a tensor that no call makes (a missing call or a cycle)", p.done,
                       p.name));
    };
    std::vector<std::pair<size_t, size_t>> stack;  // (pending layer, call that must be made)
    for (size_t first = 0; first < pending.size(); ++first) {
      if (pending[first].inbound->empty()) continue;
      stack.push_back({first, pending[first].inbound->size() - 1});
      while (!stack.empty()) {
        auto [i, wanted] = stack.back();
        Pending& p = pending[i];
        if (p.done > wanted) {
          stack.pop_back();
          continue;
        }
        const json& call = (*p.inbound)[p.done];
        std::string where = fmt::format("call {} of layer '{}'", p.done, p.name);
        if (!call.is_array() || call.empty()) fail(fmt::format("{} must be a non-empty list of tensor references", where));
        std::vector<SymbolicTensor> args;
        for (const json& ref : call) {
          auto t = resolve(ref, made, where);
          if (t) {
            args.push_back(*t);
            continue;
          }
          // The input comes from a call not made yet: make it first.
          auto source = index_of.find(ref[0].get<std::string>());
          uint64_t node = ref[1].get<uint64_t>();
          if (source == index_of.end() || node >= pending[source->second].inbound->size() ||
              stack.size() > total_calls)
            unmakeable(p);
          stack.push_back({source->second, node});
          break;
        }
        if (args.size() != call.size()) continue;
        count_node();
        try {
          made[p.name].push_back(p.layer.call(args));
        } catch (const Error& e) {
          throw Error(e.kind(), fmt::format("{}: {}", name_, e.message()), {}, e.hint());
        }
        ++p.done;
      }
    }
    auto tensors = [&](const char* key) {
      std::vector<SymbolicTensor> out;
      for (const json& ref : array_field(config, key, model_where)) {
        auto t = resolve(ref, made, fmt::format("{} of {}", key, model_where));
        if (!t) fail(fmt::format("{} of {} refers to a call that is not in the file: {}", key, model_where, ref.dump()));
        out.push_back(*t);
      }
      return out;
    };
    try {
      return Model(tensors("input_layers"), tensors("output_layers"), name);
    } catch (const Error& e) {
      throw Error(e.kind(), fmt::format("{}: {}", name_, e.message()), {}, e.hint());
    }
  }

  const ModelLimits& limits_;
  const std::string& name_;
  uint64_t layers_ = 0;
  uint64_t nodes_ = 0;
};

}  // namespace

json model_config(const Model& model) {
  const Model::Impl& m = *model.impl;
  return {{"class_name", m.sequential ? "Sequential" : "Functional"},
          {"config", m.sequential ? sequential_config(m) : functional_config(m)}};
}

void check_config_text(std::string_view text, const ModelLimits& limits, const std::string& name) {
  if (text.size() > limits.max_config_bytes)
    throw Error(ErrorKind::Limit,
                fmt::format("{}: the model config is {} bytes, more than the limit of {}", name, text.size(),
                            limits.max_config_bytes),
                {}, "raise ModelLimits::max_config_bytes if the file is trusted");
  uint64_t depth = 0;
  bool in_string = false, escaped = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\0')
      throw Error(ErrorKind::File, fmt::format("{}: the model config holds a NUL byte at offset {}", name, i));
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limits.max_config_depth)
        throw Error(ErrorKind::Limit,
                    fmt::format("{}: the model config nests lists and objects more than {} deep (at offset {})", name,
                                limits.max_config_depth, i),
                    {}, "raise ModelLimits::max_config_depth if the file is trusted");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

Model model_from_config(const json& config, const ModelLimits& limits, const std::string& name) {
  return Loader(limits, name).model(config, 0);
}

}  // namespace lamina::detail
