// A model file cut short anywhere is refused with an error naming the file, never a crash.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

TEST_CASE("every truncation of a model file is refused with an error naming the file") {
  std::string file = serialize_model(demo_sequential());
  for (size_t n = 0; n < file.size(); n += (n < 64 ? 1 : 37)) {
    std::string message = error_message([&] { parse_model(file.substr(0, n), {}, "cut.lamina"); });
    INFO("length " << n << ": " << message);
    CHECK(message.rfind("cut.lamina", 0) == 0);
  }
  CHECK_THAT(error_message([&] { parse_model(file.substr(0, 4), {}, "cut.lamina"); }),
             Catch::Contains("cut.lamina") && Catch::Contains("8"));
}

TEST_CASE("a safetensors file without a model config is refused as not a Lamina model") {
  std::string file = edit_contents(serialize_model(demo_sequential()),
                                   [](safetensors::Contents& c) { c.metadata.erase("model"); });
  CHECK(error_message([&] { parse_model(file, {}, "weights.safetensors"); }) ==
        "weights.safetensors: the file has no model config (no \"model\" in __metadata__)");
}
