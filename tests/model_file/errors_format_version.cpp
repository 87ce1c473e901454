// Files state their format version: a newer major version is refused as
// "written by a newer Lamina"; a newer minor version (only optional additions) loads.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

namespace {
std::string with_version(const std::string& version) {
  return edit_contents(serialize_model(demo_sequential()),
                       [&](safetensors::Contents& c) { c.metadata["lamina_format"] = version; });
}
}  // namespace

TEST_CASE("a model file of a newer major format version is refused as written by a newer Lamina") {
  CHECK_THAT(error_message([&] { parse_model(with_version("2.0"), {}, "new.lamina"); }),
             Catch::Contains("new.lamina") && Catch::Contains("written by a newer Lamina"));
}

TEST_CASE("a model file of a newer minor version loads") {
  CHECK_NOTHROW(parse_model(with_version("1.7")));
}

TEST_CASE("a model file without a format version is refused") {
  std::string file = edit_contents(serialize_model(demo_sequential()),
                                   [](safetensors::Contents& c) { c.metadata.erase("lamina_format"); });
  CHECK_THAT(error_message([&] { parse_model(file, {}, "old.lamina"); }),
             Catch::Contains("old.lamina") && Catch::Contains("lamina_format"));
}

TEST_CASE("unknown optional fields in the model config are ignored") {
  std::string file = edit_config(serialize_model(demo_sequential()), [](nlohmann::json& c) {
    c["added_in_1_1"] = {{"anything", 1}};
    c["config"]["layers"][1]["config"]["kernel_regularizer"] = nullptr;
    c["config"]["layers"][1]["extra"] = "ignored";
  });
  Model back = parse_model(file);
  CHECK(back.get_layer("hidden").class_name() == "Dense");
}
