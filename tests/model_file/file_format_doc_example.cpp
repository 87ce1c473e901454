// The model-config example in docs/file-format.md is what Lamina writes: it
// loads, and saving the loaded model gives the same config.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

TEST_CASE("the Model config example in docs/file-format.md loads and saves back as itself") {
  std::ifstream in(std::string(LAMINA_TEST_DATA_DIR) + "/../docs/file-format.md");
  std::stringstream doc;
  doc << in.rdbuf();
  std::string text = doc.str();
  size_t example = text.find("Example: `y = Dense(2)(x)`");
  REQUIRE(example != std::string::npos);
  size_t begin = text.find("```json\n", example) + 8;
  size_t end = text.find("```", begin);
  nlohmann::json config = nlohmann::json::parse(text.substr(begin, end - begin));

  std::string file = edit_contents(serialize_model(demo_sequential()), [&](safetensors::Contents& c) {
    c.metadata["model"] = config.dump();
    c.tensors = {{"dense/kernel", Tensor::zeros(DType::Float32, {3, 2})},
                 {"dense/bias", Tensor::zeros(DType::Float32, {2})},
                 {"scale/s", Tensor::zeros(DType::Float32, {2})}};
  });
  Model model = parse_model(file);
  CHECK(model.name() == "scaled");
  CHECK(model.get_layer("scale").weights().at(0).name == "scale/s");
  CHECK(serialize_model(model) == file);
}
