// ModelLimits: too many layers, a too-long source, a too-deeply nested config
// and too-deeply nested models are refused (kind Limit) naming the limit.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

namespace {
ErrorKind kind_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  return ErrorKind::Internal;
}
}  // namespace

TEST_CASE("more layers than max_layers is refused") {
  std::string file = serialize_model(demo_sequential());  // 4 layers with the InputLayer
  ModelLimits limits;
  limits.max_layers = 3;
  CHECK(error_message([&] { parse_model(file, limits, "m.lamina"); }) == "m.lamina: the model has more than 3 layers");
  CHECK(kind_of([&] { parse_model(file, limits); }) == ErrorKind::Limit);
  limits.max_layers = 4;
  CHECK_NOTHROW(parse_model(file, limits));
}

TEST_CASE("a Lambda source longer than max_source_bytes is refused") {
  std::string file = serialize_model(demo_sequential());
  ModelLimits limits;
  limits.max_source_bytes = 10;
  CHECK(error_message([&] { parse_model(file, limits, "m.lamina"); }) ==
        "m.lamina: layer 'antirectifier': its function is 46 bytes long, more than the limit of 10");
}

TEST_CASE("a model config nested deeper than max_config_depth is refused before it is parsed") {
  std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  std::string file = with_config_text(serialize_model(demo_sequential()), deep);
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
        "m.lamina: the model config nests lists and objects more than 64 deep (at offset 64)");
  CHECK(kind_of([&] { parse_model(file); }) == ErrorKind::Limit);
}

TEST_CASE("brackets inside strings do not count as nesting") {
  std::string file = edit_config(serialize_model(demo_sequential()), [](nlohmann::json& c) {
    c["config"]["layers"][2]["config"]["comment"] = std::string(200, '[');
  });
  CHECK_NOTHROW(parse_model(file));
}

TEST_CASE("a NUL byte in the model config is refused") {
  std::string file = with_config_text(serialize_model(demo_sequential()), std::string("{\"a\":1}\0{", 9));
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
        "m.lamina: the model config holds a NUL byte at offset 7");
}

TEST_CASE("models nested deeper than max_model_depth are refused") {
  Model m = demo_sequential();
  for (int i = 0; i < 3; ++i) {
    SymbolicTensor x = Input({4}, {.name = "in" + std::to_string(i)});
    m = Model({x}, {m(x)}, "wrap" + std::to_string(i));
  }
  std::string file = serialize_model(m);
  ModelLimits limits;
  limits.max_model_depth = 2;
  CHECK(error_message([&] { parse_model(file, limits, "m.lamina"); }) == "m.lamina: models are nested more than 2 deep");
  limits.max_model_depth = 3;
  CHECK_NOTHROW(parse_model(file, limits));
}

TEST_CASE("expressions nested deeper than the parser's limit are refused") {
  std::string source = "lambda x: " + std::string(500, '(') + "x" + std::string(500, ')');
  std::string file = edit_config(serialize_model(demo_sequential()), [&](nlohmann::json& c) {
    c["config"]["layers"][2]["config"]["function"] = source;
  });
  CHECK_THAT(error_message([&] { parse_model(file, {}, "m.lamina"); }),
             Catch::StartsWith("m.lamina: layer 'antirectifier'") && Catch::Contains("nest"));
}
