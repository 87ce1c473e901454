// A corpus of hostile model configs — broken graphs, cycles, references out of
// range, huge shapes, wrong JSON types — each refused with a lamina::Error
// naming the problem, never a crash or a hang.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

namespace {

/// A two-layer functional model: x → Dense "d" → Lambda "l".
std::string base_file() {
  SymbolicTensor x = Input({3}, {.name = "x"});
  SymbolicTensor y = layers::Lambda("lambda t: t * 2", {.name = "l"})(layers::Dense(2, {.seed = 1, .name = "d"})(x));
  return serialize_model(Model({x}, {y}, "base"));
}

struct Case {
  const char* what;
  std::function<void(nlohmann::json&)> edit;
  const char* expected;  // part of the message
};

nlohmann::json& layer(nlohmann::json& c, int i) { return c["config"]["layers"][i]; }

}  // namespace

TEST_CASE("hostile model configs are refused with messages naming the problem") {
  const std::vector<Case> cases = {
      {"config is a list", [](nlohmann::json& c) { c = nlohmann::json::array(); }, "must be a JSON object"},
      {"unknown model class", [](nlohmann::json& c) { c["class_name"] = "Subclassed"; }, "unknown model class 'Subclassed'"},
      {"no layers", [](nlohmann::json& c) { c["config"].erase("layers"); }, "has no 'layers'"},
      {"layers not a list", [](nlohmann::json& c) { c["config"]["layers"] = 5; }, "'layers' of Model 'base' must be a list"},
      {"layer without name", [](nlohmann::json& c) { layer(c, 1)["config"].erase("name"); }, "has no 'name'"},
      {"two layers of one name", [](nlohmann::json& c) { layer(c, 2)["config"]["name"] = "d"; }, "two layers named 'd'"},
      {"cycle", [](nlohmann::json& c) { layer(c, 1)["inbound_nodes"] = {{{"l", 0, 0}}}; }, "a missing call or a cycle"},
      {"self reference", [](nlohmann::json& c) { layer(c, 2)["inbound_nodes"] = {{{"l", 0, 0}}}; }, "a missing call or a cycle"},
      {"reference to unknown layer", [](nlohmann::json& c) { layer(c, 2)["inbound_nodes"] = {{{"zz", 0, 0}}}; },
       "refers to layer 'zz', which the model does not have"},
      {"node index out of range", [](nlohmann::json& c) { layer(c, 2)["inbound_nodes"] = {{{"d", 7, 0}}}; },
       "a missing call or a cycle"},
      {"tensor index out of range", [](nlohmann::json& c) { layer(c, 2)["inbound_nodes"] = {{{"d", 0, 9}}}; },
       "refers to output 9 of layer 'd', which has 1"},
      {"negative index", [](nlohmann::json& c) { layer(c, 2)["inbound_nodes"] = {{{"d", -1, 0}}}; },
       "is not a tensor reference"},
      {"reference not a list", [](nlohmann::json& c) { layer(c, 2)["inbound_nodes"] = {{"d"}}; }, "is not a tensor reference"},
      {"empty call", [](nlohmann::json& c) { layer(c, 2)["inbound_nodes"] = {nlohmann::json::array()}; },
       "must be a non-empty list"},
      {"output not made", [](nlohmann::json& c) { c["config"]["output_layers"] = {{"l", 3, 0}}; },
       "refers to a call that is not in the file"},
      {"input is not an InputLayer", [](nlohmann::json& c) { c["config"]["input_layers"] = {{"d", 0, 0}}; },
       "model inputs must come from Input()"},
      {"huge input dimension", [](nlohmann::json& c) { layer(c, 0)["config"]["batch_input_shape"] = {nullptr, 1ull << 62}; },
       "is over the limit"},
      {"negative input dimension", [](nlohmann::json& c) { layer(c, 0)["config"]["batch_input_shape"] = {nullptr, -3}; },
       "sizes are non-negative integers or null"},
      {"unknown input dtype", [](nlohmann::json& c) { layer(c, 0)["config"]["dtype"] = "float128"; }, "unknown dtype 'float128'"},
      {"huge Dense", [](nlohmann::json& c) { layer(c, 1)["config"]["units"] = 1ll << 40; },
       "Layer 'd' (Dense): param() shape (3, 1099511627776) has more"},
      {"lambda with wrong arity", [](nlohmann::json& c) { layer(c, 2)["config"]["function"] = "lambda a, b: a + b"; },
       "Layer 'l' (Lambda) takes 2 inputs, got 1"},
      {"lambda source not a string", [](nlohmann::json& c) { layer(c, 2)["config"]["function"] = 5; },
       "layer 'l': Lambda config: field 'function' has the wrong type"},
  };
  std::string file = base_file();
  for (const Case& c : cases) {
    INFO(c.what);
    std::string hostile = edit_config(file, c.edit);
    std::string message = error_message([&] { parse_model(hostile, {}, "hostile.lamina"); });
    INFO(message);
    CHECK_THAT(message, Catch::StartsWith("hostile.lamina") && Catch::Contains(c.expected));
  }
}
