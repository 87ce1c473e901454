// Saving and loading keeps every layer class: the loaded model computes
// bit-identical outputs (and masks), and saving it again gives the same bytes.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

namespace {

/// Gives every weight values other than its initial ones, so loading must copy them.
void perturb_weights(const Model& model) {
  int k = 0;
  for (Weight& w : model.weights())
    for (int64_t i = 0; i < w.value.size(); ++i) w.value.set_f64(i, w.value.get_f64(i) + 0.01 * (++k % 7) - 0.03);
}

void check_round_trip(const Model& model) {
  perturb_weights(model);
  std::string bytes = serialize_model(model);
  Model back = parse_model(bytes);
  CHECK(serialize_model(back) == bytes);
  std::vector<Tensor> inputs = sample_inputs(model);
  for (Engine engine : {Engine::Interpreter, Engine::Jit}) {
    std::vector<Tensor> want = model.predict(inputs, 0, engine);
    std::vector<Tensor> got = back.predict(inputs, 0, engine);
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) CHECK(bit_identical(got[i], want[i]));
  }
  std::vector<std::optional<Tensor>> want_masks = model.compute_masks(inputs);
  std::vector<std::optional<Tensor>> got_masks = back.compute_masks(inputs);
  REQUIRE(got_masks.size() == want_masks.size());
  for (size_t i = 0; i < want_masks.size(); ++i) {
    REQUIRE(got_masks[i].has_value() == want_masks[i].has_value());
    if (want_masks[i]) CHECK(bit_identical(*got_masks[i], *want_masks[i]));
  }
}

}  // namespace

TEST_CASE("a model of every float layer class, a shared layer and a nested Sequential round-trips") {
  Model model = every_float_layer_model();
  check_round_trip(model);
  Model back = parse_model(serialize_model(model));
  CHECK(back.summary() == model.summary());
}

TEST_CASE("Embedding and Masking round-trip with their masks") { check_round_trip(embedding_model()); }

TEST_CASE("the demo Sequential round-trips as a Sequential") {
  Model model = demo_sequential();
  check_round_trip(model);
  Model back = parse_model(serialize_model(model));
  CHECK(back.summary() == model.summary());
}
