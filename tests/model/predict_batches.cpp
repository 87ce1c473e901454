// predict(batch_size) splits axis 0, runs each part and joins the results;
// the answer is the same as one whole-batch run, also for empty batches.

#include "model_test_util.h"

using namespace lamina;
using model_test::tensor;

TEST_CASE("predict in batches equals predict on the whole batch") {
  SymbolicTensor x = Input({3});
  Model model({x}, {layers::Dense(4, {.activation = "tanh"})(x), layers::Lambda("sum(x, axis=1)")(x)});
  Tensor in = Tensor::zeros(DType::Float32, {7, 3});
  for (int64_t i = 0; i < in.size(); ++i) in.set_f64(i, 0.1 * static_cast<double>(i) - 1);
  for (Engine engine : {Engine::Interpreter, Engine::Jit}) {
    std::vector<Tensor> whole = model.predict(std::vector<Tensor>{in}, 0, engine);
    for (int64_t batch : {1, 2, 3, 7, 100}) {
      INFO("batch_size " << batch);
      std::vector<Tensor> parts = model.predict(std::vector<Tensor>{in}, batch, engine);
      REQUIRE(parts.size() == 2);
      model_test::check_close(parts[0], whole[0]);
      model_test::check_close(parts[1], whole[1]);
    }
  }
}

TEST_CASE("predict on an empty batch returns empty outputs") {
  SymbolicTensor x = Input({3});
  Model model({x}, {layers::Dense(2)(x)});
  for (Engine engine : {Engine::Interpreter, Engine::Jit}) {
    Tensor out = model.predict(Tensor::zeros(DType::Float32, {0, 3}), 4, engine);
    CHECK(out.dims() == Dims{0, 2});
  }
}

TEST_CASE("predict in batches refuses an output without the batch axis") {
  SymbolicTensor x = Input({3});
  Model model({x}, {layers::Lambda("sum(x)")(x)}, "total");
  Tensor in = Tensor::zeros(DType::Float32, {4, 3});
  CHECK(model.predict(in).dims() == Dims{});
  CHECK_THROWS_WITH(model.predict(in, 2), Catch::Contains("Model 'total': output 0 has shape (), whose first axis is "
                                                          "not the batch, so it cannot be predicted in batches"));
}
