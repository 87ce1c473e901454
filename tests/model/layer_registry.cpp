// layer_from_config: class_name + config → a layer with the same config, for
// every layer class; unknown classes and mistyped fields are errors.

#include "model/layer_test_support.h"
#include "model/layer_impl.h"

using namespace lamina;
using test::tensor;
using nlohmann::json;

namespace {

/// One layer of every class, with options away from their defaults.
std::vector<Layer> one_of_each() {
  using namespace layers;
  return {
      Dense(3, {.activation = "relu", .use_bias = false, .seed = 11, .name = "rt_dense"}),
      layers::Lambda("lambda x, k: x * k", {.output_shape = Shape{4}, .arguments = {{"k", 2.5}}, .name = "rt_lambda"}),
      Activation("tanh", {.name = "rt_activation"}),
      Dropout(0.3, {.name = "rt_dropout"}),
      Flatten({.name = "rt_flatten"}),
      Reshape({2, -1}, {.name = "rt_reshape"}),
      Permute({2, 1}, {.name = "rt_permute"}),
      RepeatVector(4, {.name = "rt_repeat_vector"}),
      Concatenate(1, {.name = "rt_concatenate"}),
      Add({.name = "rt_add"}),
      Subtract({.name = "rt_subtract"}),
      Multiply({.name = "rt_multiply"}),
      Average({.name = "rt_average"}),
      Maximum({.name = "rt_maximum"}),
      Minimum({.name = "rt_minimum"}),
      Dot({.axes = {1, 2}, .normalize = true, .name = "rt_dot"}),
      Softmax(1, {.name = "rt_softmax"}),
      LayerNormalization({.axis = 1, .epsilon = 1e-5, .center = false, .name = "rt_layer_normalization"}),
      BatchNormalization({.epsilon = 1e-2, .momentum = 0.9, .scale = false, .name = "rt_batch_normalization"}),
      Embedding(7, 3, {.mask_zero = true, .embeddings_initializer = "glorot_uniform", .seed = 5, .name = "rt_embedding"}),
      Masking(-1.0, {.name = "rt_masking"}),
  };
}

}  // namespace

TEST_CASE("Every layer class round-trips through its config") {
  std::vector<Layer> all = one_of_each();
  CHECK(all.size() == 21);  // the classes of model.h's layers namespace
  for (const Layer& layer : all) {
    INFO(layer.class_name());
    json config = json::parse(layer.get_config());
    Layer copy(detail::layer_from_config(layer.class_name(), config));
    CHECK(copy.class_name() == layer.class_name());
    CHECK(copy.name() == layer.name());
    CHECK(json::parse(copy.get_config()) == config);
  }
}

TEST_CASE("A layer from config computes what the original does") {
  // Same name, so the same derived initializer seed: the same weights.
  Layer emb = layers::Embedding(5, 2, {.name = "rt_same_embedding"});
  Layer copy(detail::layer_from_config("Embedding", json::parse(emb.get_config())));
  Tensor ids = tensor({1, 3}, {4, 0, 2}, DType::Int32);
  test::expect_values(test::run_layer(copy, {ids}), {1, 3, 2}, test::values(test::run_layer(emb, {ids})));
}

TEST_CASE("layer_from_config reads trainable and Keras' batch_input_shape") {
  json config = {{"name", "frozen_ln"}, {"trainable", false}, {"batch_input_shape", {nullptr, 6}}};
  auto impl = detail::layer_from_config("LayerNormalization", config);
  CHECK_FALSE(impl->trainable);
  REQUIRE(impl->input_shape);
  CHECK(*impl->input_shape == Shape{6});
  CHECK(json::parse(Layer(impl).get_config())["trainable"] == false);
}

TEST_CASE("layer_from_config fills missing optional fields with defaults and ignores unknown ones") {
  auto impl = detail::layer_from_config("BatchNormalization", {{"dtype", "float32"}, {"beta_regularizer", nullptr}});
  json config = impl->config();
  CHECK(config["axis"] == -1);
  CHECK(config["epsilon"] == 1e-3);
  CHECK(config["momentum"] == 0.99);
  CHECK(impl->name.rfind("batch_normalization", 0) == 0);
}

TEST_CASE("layer_from_config errors name the class and the field") {
  REQUIRE_THROWS_WITH(detail::layer_from_config("Dens", json::object()),
                      Catch::Contains("unknown layer class 'Dens'") && Catch::Contains("did you mean 'Dense'?"));
  REQUIRE_THROWS_WITH(detail::layer_from_config("Reshape", {{"target_shape", "abc"}}),
                      Catch::Contains("Reshape config: field 'target_shape' must be a list of integers, got \"abc\""));
  REQUIRE_THROWS_WITH(detail::layer_from_config("Dropout", {{"rate", "high"}}),
                      Catch::Contains("Dropout config: field 'rate' must be a number, got \"high\""));
  REQUIRE_THROWS_WITH(detail::layer_from_config("Concatenate", {{"axis", 1.5}}),
                      Catch::Contains("Concatenate config: field 'axis' must be an integer, got 1.5"));
  REQUIRE_THROWS_WITH(detail::layer_from_config("Embedding", {{"input_dim", 3}}),
                      Catch::Contains("Embedding config: field 'output_dim' (an integer) is missing"));
  REQUIRE_THROWS_WITH(detail::layer_from_config("Embedding", {{"input_dim", 3}, {"output_dim", 2}, {"mask_zero", 1}}),
                      Catch::Contains("Embedding config: field 'mask_zero' must be true or false, got 1"));
  REQUIRE_THROWS_WITH(detail::layer_from_config("Flatten", {{"data_format", "channels_first"}}),
                      Catch::Contains("Flatten config: data_format 'channels_first' is not supported"));
  REQUIRE_THROWS_WITH(detail::layer_from_config("Add", {{"batch_input_shape", {nullptr, "x"}}}),
                      Catch::Contains("Add config: field 'batch_input_shape' must be a list of sizes"));
  REQUIRE_THROWS_WITH(detail::layer_from_config("Add", json::array()),
                      Catch::Contains("Add config must be a JSON object, got []"));
  // The factories' own checks still apply.
  REQUIRE_THROWS_WITH(detail::layer_from_config("Permute", {{"name", "cfg_perm"}, {"dims", {1, 3}}}),
                      Catch::Contains("Layer 'cfg_perm' (Permute) got dims (1, 3), which is not a permutation of 1..2"));
}
