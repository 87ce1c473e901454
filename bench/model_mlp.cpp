// The layer runtime's benchmark model, the MLP of issue 4:
//   Dense(512→1024, relu) → antirectifier Lambda (→ 2048) → Dense(2048→10) → softmax
// built with lamina::Model, with the weights bench/run.py writes (so torch runs
// the very same model), run through Model::predict with the JIT.
//
// Usage: bench_model_mlp --data DIR [--reps 10] [--warmup 2] [--threads 2] [--calls 2000] [--save DIR]
// Prints one JSON line per workload, as the other engines do:
//   mlp_b1024          predict on the (1024, 512) batch, seconds per call
//   mlp_b1_per_call    predict_into on one row (no allocation per call), seconds per call
// With --save, writes each workload's output as DIR/<workload>.npy.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/npy.h"
#include "lamina/model.h"
#include "runtime/thread_pool.h"

using namespace lamina;

namespace {

struct Options {
  std::string data, save;
  int reps = 10, warmup = 2, threads = 2, calls = 2000;
};

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--data") o.data = value;
    else if (flag == "--save") o.save = value;
    else if (flag == "--reps") o.reps = std::stoi(value);
    else if (flag == "--warmup") o.warmup = std::stoi(value);
    else if (flag == "--threads") o.threads = std::stoi(value);
    else if (flag == "--calls") o.calls = std::stoi(value);
    else throw std::runtime_error("unknown option " + flag);
  }
  if (o.data.empty()) throw std::runtime_error("--data DIR is required");
  return o;
}

Model build_mlp(const std::string& data) {
  auto load = [&](const char* name) { return read_npy(data + "/" + name + ".npy"); };
  SymbolicTensor x = Input({512});
  Layer hidden = layers::Dense(1024, {.activation = "relu"});
  Layer head = layers::Dense(10, {.activation = "softmax"});
  SymbolicTensor h = hidden(x);
  h = layers::Lambda(
      "lambda x:\n"
      "    x -= mean(x, axis=1, keepdims=True)\n"
      "    x = l2_normalize(x, axis=1)\n"
      "    return concat([relu(x), relu(-x)], axis=1)")(h);
  Model model({x}, {head(h)}, "mlp");
  hidden.set_weights({load("mlp_w1"), load("mlp_b1")});
  head.set_weights({load("mlp_w2"), load("mlp_b2")});
  return model;
}

/// Seconds per call of `fn`, `reps` times, after `warmup` untimed repetitions.
template <class F>
std::vector<double> measure(F&& fn, const Options& o, int calls) {
  for (int i = 0; i < o.warmup * calls; ++i) fn();
  std::vector<double> seconds;
  for (int r = 0; r < o.reps; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) fn();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / calls);
  }
  return seconds;
}

void report(const char* workload, const std::vector<double>& seconds) {
  std::printf("{\"workload\": \"%s\", \"engine\": \"lamina\", \"seconds\": [", workload);
  for (size_t i = 0; i < seconds.size(); ++i) std::printf("%s%.9f", i ? ", " : "", seconds[i]);
  std::printf("]}\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options o = parse_options(argc, argv);
    set_num_threads(o.threads);
    Model model = build_mlp(o.data);
    model.prepare_jit();

    Tensor batch = read_npy(o.data + "/mlp_x.npy");
    Tensor out;
    report("mlp_b1024", measure([&] { out = model.predict(batch); }, o, 1));
    if (!o.save.empty()) write_npy(o.save + "/mlp_b1024.npy", model.predict(batch));

    Tensor first = Tensor::uninitialized(DType::Float32, {1, 512});
    std::memcpy(first.raw(), batch.raw(), first.nbytes());
    std::vector<Tensor> row = {first};
    std::vector<Tensor> outputs = {Tensor::zeros(DType::Float32, {1, 10})};
    report("mlp_b1_per_call", measure([&] { model.predict_into(row, outputs); }, o, o.calls));
    if (!o.save.empty()) write_npy(o.save + "/mlp_b1_per_call.npy", outputs[0]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
