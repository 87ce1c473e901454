// A model used as a layer of another: its graph is inlined into the outer
// model's function, its weights are shared and named after it.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("a nested model computes what its layers compute, with prefixed weight names") {
  SymbolicTensor ix = Input({2});
  Layer inner_dense = layers::Dense(2, {.use_bias = false, .name = "dense_in"});
  Model inner({ix}, {layers::Lambda("x + 1")(inner_dense(ix))}, "inner_model");
  inner_dense.set_weights({tensor({2, 2}, {0, 1, 1, 0})});  // swaps the two features

  SymbolicTensor x = Input({2});
  SymbolicTensor once = inner(x);
  SymbolicTensor twice = inner(once);  // the same layer (and weights) called twice
  Model outer({x}, {twice}, "outer");

  std::vector<Weight> w = outer.weights();
  REQUIRE(w.size() == 1);
  CHECK(w[0].name == "inner_model/dense_in/kernel");
  CHECK(outer.layers().size() == 2);  // the input and inner_model
  CHECK(outer.get_layer("inner_model").class_name() == "Functional");
  // [1, 5] → swap + 1 → [6, 2] → swap + 1 → [3, 7].
  std::vector<Tensor> out = model_test::predict_both(outer, {tensor({1, 2}, {1, 5})});
  model_test::check_close(out[0], tensor({1, 2}, {3, 7}));
  // The IR holds one param for the shared kernel.
  CHECK(outer.ir_text().find("inner_model/dense_in/kernel") != std::string::npos);
}

TEST_CASE("a Sequential nests in a Functional model") {
  Sequential block({layers::Dense(3, {.use_bias = false, .name = "k", .input_shape = Shape{3}}),
                    layers::Lambda("x * x", {.name = "sq"})},
                   "block");
  block.layers()[0].set_weights({tensor({3, 3}, {1, 0, 0, 0, 1, 0, 0, 0, 1})});
  SymbolicTensor x = Input({3});
  Model model({x}, {block(x)});
  CHECK(model.get_layer("block").class_name() == "Sequential");
  model_test::check_close(model_test::predict_both(model, {tensor({1, 3}, {1, -2, 3})})[0], tensor({1, 3}, {1, 4, 9}));
}

TEST_CASE("calling a nested model on a tensor of another shape names both shapes") {
  SymbolicTensor ix = Input({2});
  Model inner({ix}, {layers::Lambda("x + 1")(ix)}, "inner_shapes");
  SymbolicTensor x = Input({3});
  CHECK_THROWS_WITH(inner(x), Catch::Contains("Layer 'inner_shapes' (Functional) expects input '") &&
                                  Catch::Contains("of float32 (None, 2), got float32 (None, 3)"));
}
