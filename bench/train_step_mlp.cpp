// One training step of the layer runtime's MLP (issue 4) at batch 256:
//   Dense(512→1024, relu) → antirectifier Lambda (→ 2048) → Dense(2048→10, softmax)
// with categorical crossentropy and Adam, through Model::fit (one batch per
// epoch, so each epoch is one step: forward, loss, gradients, Adam update).
// bench/train_step.py runs it beside the same step in torch eager.
//
// Usage: bench_train_step_mlp [--reps 20] [--warmup 3] [--threads 2]
// Prints one JSON line: {"workload": "mlp_train_step_b256", "engine": "lamina", "seconds": [...]}

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "lamina/model.h"
#include "runtime/thread_pool.h"

using namespace lamina;

int main(int argc, char** argv) {
  int reps = 20, warmup = 3, threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    int value = std::stoi(argv[i + 1]);
    if (flag == "--reps") reps = value;
    else if (flag == "--warmup") warmup = value;
    else if (flag == "--threads") threads = value;
  }
  set_num_threads(threads);
  const int64_t batch = 256;
  SymbolicTensor x = Input({512});
  SymbolicTensor h = layers::Dense(1024, {.activation = "relu", .seed = 1})(x);
  h = layers::Lambda(
      "lambda x:\n"
      "    x -= mean(x, axis=1, keepdims=True)\n"
      "    x = l2_normalize(x, axis=1)\n"
      "    return concat([relu(x), relu(-x)], axis=1)")(h);
  Model model({x}, {layers::Dense(10, {.activation = "softmax", .seed = 2})(h)}, "mlp");
  Tensor xs = Tensor::uninitialized(DType::Float32, {batch, 512});
  Tensor ys = Tensor::zeros(DType::Float32, {batch, 10});
  for (int64_t i = 0; i < xs.size(); ++i) xs.data<float>()[i] = static_cast<float>(std::sin(0.37 * static_cast<double>(i)));
  for (int64_t r = 0; r < batch; ++r) ys.data<float>()[r * 10 + r % 10] = 1;
  model.compile({.optimizer = optimizers::Adam(), .loss = "categorical_crossentropy"});
  FitOptions one_step{.epochs = 1, .batch_size = batch, .shuffle = false, .verbose = 0};
  for (int i = 0; i < warmup; ++i) model.fit(xs, ys, one_step);  // the first compiles the step
  std::printf("{\"workload\": \"mlp_train_step_b256\", \"engine\": \"lamina\", \"seconds\": [");
  for (int i = 0; i < reps; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    model.fit(xs, ys, one_step);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s%.6g", i ? ", " : "", s);
  }
  std::printf("]}\n");
  return 0;
}
