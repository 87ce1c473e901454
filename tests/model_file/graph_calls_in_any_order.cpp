// A loader makes each layer call after the calls its inputs come from, whatever
// order the file lists the layers in; a cycle is refused, not looped on.

#include <catch2/catch.hpp>

#include <algorithm>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

TEST_CASE("a functional config with its layers listed backwards loads and computes the same") {
  Model model = every_float_layer_model();
  std::string file = edit_config(serialize_model(model), [](nlohmann::json& c) {
    auto& layers = c["config"]["layers"];
    std::reverse(layers.begin(), layers.end());
  });
  Model back = parse_model(file);
  std::vector<Tensor> inputs = sample_inputs(model);
  std::vector<Tensor> want = model.predict(inputs, 0, Engine::Interpreter);
  std::vector<Tensor> got = back.predict(inputs, 0, Engine::Interpreter);
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) CHECK(bit_identical(got[i], want[i]));
}

TEST_CASE("a long cycle of calls is refused") {
  // x → l0 → l1 → ... → l199, then l0 rewired to take l199's output.
  SymbolicTensor x = Input({2}, {.name = "x"});
  SymbolicTensor h = x;
  for (int i = 0; i < 200; ++i) h = layers::Lambda("lambda t: t + 1", {.name = "l" + std::to_string(i)})(h);
  std::string file = edit_config(serialize_model(Model({x}, {h}, "chain")), [](nlohmann::json& c) {
    c["config"]["layers"][1]["inbound_nodes"] = {{{"l199", 0, 0}}};
  });
  CHECK_THAT(error_message([&] { parse_model(file, {}, "loop.lamina"); }),
             Catch::StartsWith("loop.lamina: call 0 of layer") && Catch::Contains("a missing call or a cycle"));
}
