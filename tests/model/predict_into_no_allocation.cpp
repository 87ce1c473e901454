// predict_into with preallocated outputs allocates nothing after the first
// call (a counting operator new sees every vector, control block and tensor).

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>

#include "model_test_util.h"

namespace {
std::atomic<int64_t> g_allocations{0};
}

void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace lamina;
using model_test::tensor;

TEST_CASE("predict_into allocates nothing after the first call") {
  SymbolicTensor x = Input({64});
  SymbolicTensor h = layers::Lambda("lambda x:\n  w = param(shape=(64,), init=0.5)\n  return relu(x * w - 1)")(x);
  SymbolicTensor y = layers::Lambda("lambda x: x - mean(x, axis=1, keepdims=True)")(h);
  Model model({x}, {y});
  Tensor in = Tensor::zeros(DType::Float32, {1, 64});
  for (int64_t i = 0; i < 64; ++i) in.set_f64(i, static_cast<double>(i) / 8);
  std::vector<Tensor> inputs = {in};
  std::vector<Tensor> outputs = {Tensor::zeros(DType::Float32, {1, 64})};
  const void* where = outputs[0].raw();

  model.predict_into(inputs, outputs);  // compiles, sizes the workspace
  int64_t before = g_allocations.load();
  for (int i = 0; i < 10; ++i) model.predict_into(inputs, outputs);
  CHECK(g_allocations.load() - before == 0);
  CHECK(outputs[0].raw() == where);
  model_test::check_close(outputs[0], model.predict(std::vector<Tensor>{in}, 0, Engine::Interpreter)[0]);
}

TEST_CASE("a batch-1 call of the Dense-Lambda-Dense-softmax MLP allocates nothing after the first") {
  // The benchmark model, smaller: the GEMM steps, their fused epilogues and the
  // antirectifier's row kernels all run in the reused workspace.
  SymbolicTensor x = Input({32});
  SymbolicTensor h = layers::Dense(64, {.activation = "relu"})(x);
  h = layers::Lambda("lambda x:\n  x = x - mean(x, axis=1, keepdims=True)\n  x = l2_normalize(x, axis=1)\n"
                     "  return concat([relu(x), relu(-x)], axis=1)")(h);
  SymbolicTensor y = layers::Dense(10, {.activation = "softmax"})(h);
  Model model({x}, {y});
  Tensor in = Tensor::zeros(DType::Float32, {1, 32});
  for (int64_t i = 0; i < 32; ++i) in.set_f64(i, std::sin(static_cast<double>(i)));
  std::vector<Tensor> inputs = {in};
  std::vector<Tensor> outputs = {Tensor::zeros(DType::Float32, {1, 10})};

  model.predict_into(inputs, outputs);
  int64_t before = g_allocations.load();
  for (int i = 0; i < 10; ++i) model.predict_into(inputs, outputs);
  CHECK(g_allocations.load() - before == 0);
  model_test::check_close(outputs[0], model.predict(std::vector<Tensor>{in}, 0, Engine::Interpreter)[0]);
}

TEST_CASE("predict_into checks the outputs it is given") {
  SymbolicTensor x = Input({2});
  Model model({x}, {layers::Lambda("x * 2")(x)}, "doubler");
  std::vector<Tensor> none;
  CHECK_THROWS_WITH(model.predict_into({tensor({1, 2}, {1, 2})}, none),
                    Catch::Contains("Model 'doubler' has 1 output(s) but 0 were given"));
  std::vector<Tensor> wrong = {Tensor::zeros(DType::Float32, {1, 3})};
  CHECK_THROWS_WITH(model.predict_into({tensor({1, 2}, {1, 2})}, wrong),
                    Catch::Contains("output 0 must be a float32 tensor of shape (1, 2)"));
}
