// Functional graphs: branches that merge, a layer shared by two inputs (one
// set of weights), and several outputs — run by both engines.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("a graph with two branches, a shared layer and two outputs") {
  SymbolicTensor a = Input({2}, {.name = "a"});
  SymbolicTensor b = Input({2}, {.name = "b"});
  Layer shared = layers::Dense(2, {.use_bias = false, .name = "shared"});
  SymbolicTensor ha = shared(a), hb = shared(b);
  SymbolicTensor sum = layers::Lambda("lambda p, q: p + q", {.name = "sum"})({ha, hb});
  SymbolicTensor branch = layers::Lambda("lambda x: relu(x)", {.name = "relu"})(ha);
  Model model({a, b}, {sum, branch});
  shared.set_weights({tensor({2, 2}, {1, 2, -1, 0})});  // x @ [[1, 2], [-1, 0]] = [x0 - x1, 2 x0]

  CHECK(model.layers().size() == 5);  // a, b, shared (once), sum, relu
  CHECK(model.count_params() == 4);
  CHECK(ha.producer() == "shared[0][0]");
  CHECK(hb.producer() == "shared[1][0]");

  // a = [1, 3] → [-2, 2]; b = [4, 1] → [3, 8]; sum = [1, 10]; relu(ha) = [0, 2].
  std::vector<Tensor> out = model_test::predict_both(model, {tensor({1, 2}, {1, 3}), tensor({1, 2}, {4, 1})});
  REQUIRE(out.size() == 2);
  model_test::check_close(out[0], tensor({1, 2}, {1, 10}));
  model_test::check_close(out[1], tensor({1, 2}, {0, 2}));
}

TEST_CASE("an output may be an input or an intermediate value used elsewhere") {
  SymbolicTensor x = Input({3});
  SymbolicTensor y = layers::Lambda("x * 2")(x);
  SymbolicTensor z = layers::Lambda("x + 1")(y);
  Model model({x}, {x, y, z});
  std::vector<Tensor> out = model_test::predict_both(model, {tensor({1, 3}, {1, 2, 3})});
  model_test::check_close(out[0], tensor({1, 3}, {1, 2, 3}));
  model_test::check_close(out[1], tensor({1, 3}, {2, 4, 6}));
  model_test::check_close(out[2], tensor({1, 3}, {3, 5, 7}));
}

TEST_CASE("a layer with several inputs and a Lambda returning a tuple") {
  SymbolicTensor a = Input({2}), b = Input({2});
  std::vector<SymbolicTensor> parts = layers::Lambda("lambda p, q: (p + q, p * q)").call({a, b});
  REQUIRE(parts.size() == 2);
  CHECK(parts[1].producer().ends_with("[0][1]"));
  Model model({a, b}, parts);
  std::vector<Tensor> out = model_test::predict_both(model, {tensor({1, 2}, {2, 3}), tensor({1, 2}, {5, -1})});
  model_test::check_close(out[0], tensor({1, 2}, {7, 2}));
  model_test::check_close(out[1], tensor({1, 2}, {10, -3}));
}
