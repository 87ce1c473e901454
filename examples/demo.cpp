// A Keras-style model whose middle layers are DSL Lambdas: build it, print its
// summary, run it on a small batch with the JIT, and check it against the
// reference interpreter; then train it (compile, fit) on a generated task.
//
//   cmake --build build --target lamina_demo && ./build/lamina_demo

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "lamina/model.h"
#include "lamina/model_file.h"

namespace layers = lamina::layers;

int main() {
  try {
    // 8 features → Dense(16, relu) → antirectifier (centre, l2-normalise, split
    // signs: 32 features) → a Lambda with its own trainable weight → Dense(3, softmax).
    lamina::SymbolicTensor x = lamina::Input({8}, {.name = "features"});
    lamina::SymbolicTensor h = layers::Dense(16, {.activation = "relu", .name = "hidden"})(x);
    h = layers::Lambda(R"(lambda x:
          x -= mean(x, axis=1, keepdims=True)
          x = l2_normalize(x, axis=1)
          return concat([relu(x), relu(-x)], axis=1))",
                       {.output_shape = lamina::Shape{32}, .name = "antirectifier"})(h);
    h = layers::Lambda("lambda x:\n  scale = param(shape=(32,), init=2.0)\n  return x * scale", {.name = "scale"})(h);
    lamina::SymbolicTensor y = layers::Dense(3, {.activation = "softmax", .name = "classes"})(h);
    lamina::Model model({x}, {y}, "demo");
    fmt::print("{}\n", model.summary());

    // Four samples with small, varied values.
    lamina::Tensor batch = lamina::Tensor::zeros(lamina::DType::Float32, {4, 8});
    for (int64_t i = 0; i < batch.size(); ++i) batch.set_f64(i, std::sin(0.7 * static_cast<double>(i)));

    lamina::Tensor probs = model.predict(batch);  // the JIT
    lamina::Tensor oracle = model.predict(batch, 0, lamina::Engine::Interpreter);
    double worst = 0;
    fmt::print("class probabilities (JIT):\n");
    for (int64_t r = 0; r < 4; ++r) {
      fmt::print("  sample {}:", r);
      for (int64_t c = 0; c < 3; ++c) {
        fmt::print(" {:.4f}", probs.get_f64(r * 3 + c));
        worst = std::max(worst, std::abs(probs.get_f64(r * 3 + c) - oracle.get_f64(r * 3 + c)));
      }
      fmt::print("\n");
    }
    fmt::print("largest difference from the reference interpreter: {:.1e}\n", worst);

    // Training: 256 samples labelled by which of three features is largest;
    // the Lambda's `scale` weight trains with the rest (Keras' Lambda cannot).
    lamina::Tensor xs = lamina::Tensor::zeros(lamina::DType::Float32, {256, 8});
    lamina::Tensor labels = lamina::Tensor::zeros(lamina::DType::Int64, {256});
    for (int64_t i = 0; i < xs.size(); ++i) xs.set_f64(i, std::sin(1.3 * static_cast<double>(i) + 0.1 * (i % 7)));
    for (int64_t r = 0; r < 256; ++r) {
      int64_t best = 0;
      for (int64_t c = 1; c < 3; ++c)
        if (xs.get_f64(r * 8 + c) > xs.get_f64(r * 8 + best)) best = c;
      labels.set_f64(r, static_cast<double>(best));
    }
    double scale_before = model.get_layer("scale").get_weights()[0].get_f64(0);
    model.compile({.optimizer = lamina::optimizers::Adam({.learning_rate = 0.01}),
                   .loss = "sparse_categorical_crossentropy",
                   .metrics = {"accuracy"}});
    lamina::History history = model.fit(xs, labels, {.epochs = 10, .batch_size = 32, .validation_split = 0.25, .seed = 1});
    fmt::print("trained: accuracy {:.3f} (validation {:.3f}); the Lambda's scale[0] went from {:.3f} to {:.3f}\n",
               history.history["accuracy"].back(), history.history["val_accuracy"].back(), scale_before,
               model.get_layer("scale").get_weights()[0].get_f64(0));

    // Save (DSL source + weights, never code), load into a new model, compare.
    const char* path = "demo_model.lamina";
    lamina::save_model(model, path);
    lamina::Model reloaded = lamina::load_model(path);
    lamina::Tensor before = model.predict(batch), after = reloaded.predict(batch);
    bool same = true;
    for (int64_t i = 0; i < before.size(); ++i) same = same && before.get_f64(i) == after.get_f64(i);
    fmt::print("saved {} and loaded it back: predictions {}, scale[0] = {:.3f}\n", path,
               same ? "identical" : "DIFFERENT", reloaded.get_layer("scale").get_weights()[0].get_f64(0));
    if (!same) return 1;
  } catch (const lamina::Error& e) {
    fmt::print(stderr, "{}\n", e.what());
    return 1;
  }
  return 0;
}
