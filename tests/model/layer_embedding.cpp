// Embedding: rows of an (input_dim, output_dim) weight picked by integer
// indices; mask_zero makes index 0 padding (the output mask is ids != 0).

#include "model/layer_test_support.h"

using namespace lamina;
using test::tensor;

namespace {

/// Row i of the embeddings is [i, 10 i].
Tensor table() { return tensor({4, 2}, {0, 0, 1, 10, 2, 20, 3, 30}); }

}  // namespace

TEST_CASE("Embedding looks up a row per index") {
  for (DType dtype : {DType::Int32, DType::Int64}) {
    Layer emb = layers::Embedding(4, 2);
    Tensor ids = tensor({2, 3}, {1, 3, 0, 2, 2, 1}, dtype);
    Model model = test::model_of(emb, {ids});
    emb.set_weights({table()});
    test::expect_values(test::predict_both(model, {ids}).at(0), {2, 3, 2},
                        {1, 10, 3, 30, 0, 0, 2, 20, 2, 20, 1, 10});
  }
}

TEST_CASE("Embedding weights start uniform in +-0.05, seeded by the layer name or option") {
  SymbolicTensor ids = Input({3}, {.dtype = DType::Int32});
  Layer a = layers::Embedding(50, 4);
  Layer b = layers::Embedding(50, 4);
  a(ids);
  b(ids);
  REQUIRE(a.weights().size() == 1);
  CHECK(a.weights()[0].name == a.name() + "/embeddings");
  std::vector<double> wa = test::values(a.weights()[0].value);
  for (double v : wa) CHECK(std::abs(v) <= 0.05);
  CHECK(wa != test::values(b.weights()[0].value));
  Layer c = layers::Embedding(50, 4, {.seed = 7});
  Layer d = layers::Embedding(50, 4, {.seed = 7});
  c(ids);
  d(ids);
  CHECK(test::values(c.weights()[0].value) == test::values(d.weights()[0].value));
}

TEST_CASE("Embedding with mask_zero masks index 0") {
  Tensor ids = tensor({2, 3}, {1, 3, 0, 0, 2, 0}, DType::Int32);
  std::optional<Tensor> mask = test::layer_mask(layers::Embedding(4, 2, {.mask_zero = true}), {ids});
  REQUIRE(mask);
  CHECK(mask->dtype() == DType::Bool);
  test::expect_values(*mask, {2, 3}, {1, 1, 0, 0, 1, 0});
  CHECK_FALSE(test::layer_mask(layers::Embedding(4, 2), {ids}));
}

TEST_CASE("Embedding config") {
  CHECK(nlohmann::json::parse(layers::Embedding(10, 3, {.mask_zero = true, .name = "emb"}).get_config()) ==
        nlohmann::json({{"input_dim", 10}, {"output_dim", 3}, {"embeddings_initializer", "uniform"},
                        {"mask_zero", true}, {"name", "emb"}, {"trainable", true}}));
  CHECK(nlohmann::json::parse(layers::Embedding(10, 3, {.seed = 5, .name = "emb"}).get_config())["seed"] == 5);
}

TEST_CASE("Embedding on float indices is an error naming the layer") {
  REQUIRE_THROWS_WITH(layers::Embedding(4, 2, {.name = "emb_float"})(Input({3})),
                      Catch::Contains("Layer 'emb_float' (Embedding) expects integer indices, got a float32 input of "
                                      "shape (None, 3)"));
}

TEST_CASE("Embedding sizes below 1 are an error") {
  REQUIRE_THROWS_WITH(layers::Embedding(0, 2, {.name = "emb_zero"}),
                      Catch::Contains("Layer 'emb_zero' (Embedding) got input_dim=0 and output_dim=2"));
}

TEST_CASE("Embedding index out of range is a run-time error") {
  Tensor ids = tensor({1, 2}, {1, 7}, DType::Int32);
  Model model = test::model_of(layers::Embedding(4, 2), {ids});
  for (Engine engine : {Engine::Interpreter, Engine::Jit})
    REQUIRE_THROWS_WITH(model.predict({ids}, 0, engine), Catch::Contains("index 7 is out of bounds for axis 0 with size 4"));
}
