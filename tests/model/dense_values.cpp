// Dense computes activation(x @ kernel + bias) with the weights it holds.

#include "model_test_util.h"

using namespace lamina;
using layers::Dense;
using model_test::tensor;

TEST_CASE("Dense with set weights computes relu(x @ kernel + bias)") {
  SymbolicTensor x = Input({2});
  Layer dense = Dense(3, {.activation = "relu"});
  Model model({x}, {dense(x)});
  REQUIRE(dense.weights().size() == 2);
  CHECK(dense.weights()[0].name == dense.name() + "/kernel");
  CHECK(dense.weights()[1].name == dense.name() + "/bias");
  dense.set_weights({tensor({2, 3}, {1, 2, 3, 4, 5, 6}), tensor({3}, {0.5, -20, 0})});
  // Row [1, 1]: x @ kernel = [5, 7, 9]; + bias = [5.5, -13, 9]; relu → [5.5, 0, 9].
  // Row [2, -1]: [-2, -1, 0] + bias = [-1.5, -21, 0] → [0, 0, 0].
  std::vector<Tensor> out = model_test::predict_both(model, {tensor({2, 2}, {1, 1, 2, -1})});
  model_test::check_close(out[0], tensor({2, 3}, {5.5, 0, 9, 0, 0, 0}));
}

TEST_CASE("Dense without bias has only a kernel") {
  Layer dense = Dense(2, {.use_bias = false});
  SymbolicTensor x = Input({2});
  Model model({x}, {dense(x)});
  REQUIRE(dense.weights().size() == 1);
  dense.set_weights({tensor({2, 2}, {1, 0, 0, -1})});
  model_test::check_close(model_test::predict_both(model, {tensor({1, 2}, {3, 4})})[0], tensor({1, 2}, {3, -4}));
}

TEST_CASE("Dense weights start glorot-uniform in range and differ between layers") {
  SymbolicTensor x = Input({100});
  Layer a = Dense(50), b = Dense(50);
  Model model({x}, {a(x), b(x)});
  // glorot_uniform draws from [-limit, limit] with limit = sqrt(6 / (fan_in + fan_out)).
  double limit = std::sqrt(6.0 / 150);
  Tensor ka = a.get_weights()[0], kb = b.get_weights()[0];
  bool differ = false;
  for (int64_t i = 0; i < ka.size(); ++i) {
    CHECK(std::abs(ka.get_f64(i)) <= limit);
    differ |= ka.get_f64(i) != kb.get_f64(i);
  }
  CHECK(differ);
  CHECK(model.count_params() == 2 * (100 * 50 + 50));
}
