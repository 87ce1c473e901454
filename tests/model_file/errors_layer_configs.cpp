// Layer configs that cannot be rebuilt: an unknown class, a Lambda whose source
// does not compile, a field of the wrong type — each an error naming the layer.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

namespace {
std::string demo_with(const std::function<void(nlohmann::json&)>& edit) {
  return edit_config(serialize_model(demo_sequential()), edit);
}
}  // namespace

TEST_CASE("an unknown layer class is named, with a did-you-mean") {
  std::string file = demo_with([](nlohmann::json& c) { c["config"]["layers"][1]["class_name"] = "Dens"; });
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) == "m.lamina: layer 'hidden': unknown layer class 'Dens'");
}

TEST_CASE("a Lambda whose source does not parse is refused, naming the layer") {
  std::string file =
      demo_with([](nlohmann::json& c) { c["config"]["layers"][2]["config"]["function"] = "lambda x: x +* 2"; });
  CHECK_THAT(error_message([&] { parse_model(file, {}, "m.lamina"); }),
             Catch::StartsWith("m.lamina: ") && Catch::Contains("antirectifier"));
}

TEST_CASE("a Lambda source cannot reach anything but tensors: import and attribute calls are refused") {
  for (const char* source : {"lambda x: __import__('os').system('true')", "lambda x: open('/etc/passwd')",
                             "import os\nlambda x: x"}) {
    std::string file = demo_with([&](nlohmann::json& c) { c["config"]["layers"][2]["config"]["function"] = source; });
    INFO(source);
    CHECK_THAT(error_message([&] { parse_model(file, {}, "m.lamina"); }), Catch::StartsWith("m.lamina: "));
  }
}

TEST_CASE("a config field of the wrong type is named") {
  std::string file = demo_with([](nlohmann::json& c) { c["config"]["layers"][1]["config"]["units"] = "eight"; });
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
        "m.lamina: layer 'hidden': Dense config: field 'units' has the wrong type (\"eight\")");
}
