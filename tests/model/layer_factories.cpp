// The layer factories (layers::Add(), ...) name layers as Keras does — the
// snake_case class name, then "_1", "_2", ... for later layers of the class;
// an explicit name is kept — and keep the input_shape option.

#include <regex>

#include "model/layer_impl.h"
#include "model/layer_test_support.h"

using namespace lamina;

TEST_CASE("Factories give Keras auto-names") {
  using namespace layers;
  std::vector<std::pair<std::string, std::function<Layer()>>> factories = {
      {"activation", [] { return Activation("relu"); }},
      {"dropout", [] { return Dropout(0.5); }},
      {"flatten", [] { return Flatten(); }},
      {"reshape", [] { return Reshape({2}); }},
      {"permute", [] { return Permute({1}); }},
      {"repeat_vector", [] { return RepeatVector(2); }},
      {"concatenate", [] { return Concatenate(); }},
      {"add", [] { return Add(); }},
      {"subtract", [] { return Subtract(); }},
      {"multiply", [] { return Multiply(); }},
      {"average", [] { return Average(); }},
      {"maximum", [] { return Maximum(); }},
      {"minimum", [] { return Minimum(); }},
      {"dot", [] { return Dot({.axes = {1}}); }},
      {"softmax", [] { return Softmax(); }},
      {"layer_normalization", [] { return LayerNormalization(); }},
      {"batch_normalization", [] { return BatchNormalization(); }},
      {"embedding", [] { return Embedding(3, 2); }},
      {"masking", [] { return Masking(); }},
  };
  for (auto& [base, make] : factories) {
    INFO(base);
    std::string first = make().name();
    std::string second = make().name();
    // Other tests may have made layers of the class already: "base" or "base_<n>", then "base_<n + 1>".
    std::smatch m;
    REQUIRE(std::regex_match(first, m, std::regex(base + "(?:_([0-9]+))?")));
    int n = m[1].matched ? std::stoi(m[1]) : 0;
    CHECK(second == base + "_" + std::to_string(n + 1));
    CHECK(make().name() == base + "_" + std::to_string(n + 2));
  }
}

TEST_CASE("An explicit name is kept and does not use up an auto-name") {
  std::string before = layers::RepeatVector(2).name();
  CHECK(layers::RepeatVector(2, {.name = "my_repeat"}).name() == "my_repeat");
  std::string after = layers::RepeatVector(2).name();
  std::smatch m;
  REQUIRE(std::regex_match(before, m, std::regex("repeat_vector(?:_([0-9]+))?")));
  int n = m[1].matched ? std::stoi(m[1]) : 0;
  CHECK(after == "repeat_vector_" + std::to_string(n + 1));
}

TEST_CASE("Every factory keeps the input_shape option") {
  using namespace layers;
  CommonOptions o{.input_shape = Shape{4}};
  std::vector<Layer> all = {Activation("relu", o), Dropout(0.5, o), Flatten(o), Reshape({2, 2}, o), Permute({1}, o),
                            RepeatVector(2, o), Concatenate(-1, o), Add(o), Subtract(o), Multiply(o), Average(o),
                            Maximum(o), Minimum(o), Dot({.axes = {1}, .input_shape = Shape{4}}), Softmax(-1, o),
                            LayerNormalization({.input_shape = Shape{4}}), BatchNormalization({.input_shape = Shape{4}}),
                            Embedding(3, 2, {.input_shape = Shape{4}}), Masking(0.0, o)};
  for (const Layer& layer : all) {
    INFO(layer.class_name());
    REQUIRE(layer.impl->input_shape);
    CHECK(*layer.impl->input_shape == Shape{4});
  }
}

TEST_CASE("A Sequential's first layer takes its input shape from input_shape") {
  Sequential model({layers::Reshape({2, 2}, {.input_shape = Shape{4}}), layers::Flatten()});
  std::vector<Tensor> out = test::predict_both(model, {test::tensor({1, 4}, {1, 2, 3, 4})});
  test::expect_values(out.at(0), {1, 4}, {1, 2, 3, 4});
  CHECK(model.layers().at(0).compute_output_shape({{std::nullopt, 4}}) == std::vector<Shape>{{std::nullopt, 2, 2}});
}
