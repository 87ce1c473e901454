// model.summary() prints Keras 2's table character for character. The expected
// text was produced by Keras 2's print_summary row logic (keras/utils/
// layer_utils.py print_row, fed these layers' fields by hand) — not by Lamina.
// Lines end in '|' here so that their trailing spaces survive editors.

#include <sstream>

#include "model_test_util.h"

using namespace lamina;

namespace {

/// The text with each line's closing '|' removed.
std::string unbar(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '|') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("summary of a graph with two inputs lists connections") {
  SymbolicTensor a = Input({4}, {.name = "a"});
  SymbolicTensor b = Input({4}, {.name = "b"});
  SymbolicTensor h = layers::Dense(3, {.name = "hidden"})(a);
  SymbolicTensor s = layers::Lambda("lambda p, q: p + q[:, :3]", {.name = "mix"})({h, b});
  Model model({a, b}, {s}, "two_inputs");
  // hidden: 4 * 3 kernel + 3 bias = 15 params.
  CHECK(model.summary() == unbar(R"(Model: "two_inputs"|
__________________________________________________________________________________________________|
 Layer (type)                   Output Shape         Param #     Connected to                     |
==================================================================================================|
 a (InputLayer)                 [(None, 4)]          0           []                               |
                                                                                                  |
 b (InputLayer)                 [(None, 4)]          0           []                               |
                                                                                                  |
 hidden (Dense)                 (None, 3)            15          ['a[0][0]']                      |
                                                                                                  |
 mix (Lambda)                   (None, 3)            0           ['hidden[0][0]',                 |
                                                                  'b[0][0]']                      |
                                                                                                  |
==================================================================================================|
Total params: 15|
Trainable params: 15|
Non-trainable params: 0|
__________________________________________________________________________________________________|)"));
}

TEST_CASE("summary of a Sequential leaves out connections") {
  Sequential model({layers::Dense(8, {.name = "d1", .input_shape = Shape{16}}), layers::Lambda("x ** 2", {.name = "sq"})},
                   "chain");
  // d1: 16 * 8 kernel + 8 bias = 136 params.
  CHECK(model.summary() == unbar(R"(Model: "chain"|
_________________________________________________________________|
 Layer (type)                Output Shape              Param #   |
=================================================================|
 d1 (Dense)                  (None, 8)                 136       |
                                                                 |
 sq (Lambda)                 (None, 8)                 0         |
                                                                 |
=================================================================|
Total params: 136|
Trainable params: 136|
Non-trainable params: 0|
_________________________________________________________________|)"));
}
