// A C++ host: builds a Functional model whose Lambda layers are DSL source (one
// declares a trainable weight), saves it as a portable model file, loads it back
// and checks that the loaded model computes exactly what the original did.
//
//   lamina_cpp_host model.lamina     # writes model.lamina, then loads and runs it
#include <cstring>
#include <iostream>

#include "lamina/model.h"
#include "lamina/model_file.h"

int main(int argc, char** argv) {
  using namespace lamina;
  const std::string path = argc > 1 ? argv[1] : "model.lamina";
  try {
    SymbolicTensor x = Input({8}, {.name = "features"});
    SymbolicTensor h = layers::Dense(16, {.activation = "relu"})(x);
    h = layers::Lambda("lambda x:\n  x = x - mean(x, axis=1, keepdims=True)\n  x = l2_normalize(x, axis=1)\n"
                       "  return concat([relu(x), relu(-x)], axis=1)",
                       {.name = "antirectifier"})(h);
    h = layers::Lambda("lambda x:\n  scale = param(shape=(), init=2.0)\n  return x * scale", {.name = "scale"})(h);
    SymbolicTensor y = layers::Dense(3, {.activation = "softmax", .name = "probabilities"})(h);
    Model model({x}, {y}, "classifier");
    std::cout << model.summary() << "\n";

    Tensor batch = Tensor::zeros(DType::Float32, {4, 8});
    for (int64_t i = 0; i < batch.size(); ++i) batch.set_f64(i, static_cast<double>((i * 5) % 11) / 4 - 1);
    Tensor before = model.predict(batch);

    save_model(model, path);  // DSL source + weights, never code
    Model loaded = load_model(path);
    Tensor after = loaded.predict(batch);

    bool same = before.nbytes() == after.nbytes() && std::memcmp(before.raw(), after.raw(), before.nbytes()) == 0;
    std::cout << "saved " << path << "; the loaded model's predictions are "
              << (same ? "bit-identical" : "DIFFERENT") << "\n";
    for (int64_t r = 0; r < 4; ++r) {
      std::cout << "  row " << r << ":";
      for (int64_t c = 0; c < 3; ++c) std::cout << " " << after.get_f64(r * 3 + c);
      std::cout << "\n";
    }
    return same ? 0 : 1;
  } catch (const Error& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}
