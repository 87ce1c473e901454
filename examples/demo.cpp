// A tour of lamina::Lambda: compile Keras Lambda bodies for a batch of unknown
// size, show the output types Lamina infers, then run each on a small batch.
//
//   cmake --build build --target lamina_demo && ./build/lamina_demo

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "lamina/lambda.h"

namespace {

/// A (rows, cols) float32 batch with small, varied values, different for each `seed`.
lamina::Tensor sample_batch(int64_t rows, int64_t cols, int seed) {
  lamina::Tensor t = lamina::Tensor::zeros(lamina::DType::Float32, {rows, cols});
  for (int64_t i = 0; i < t.size(); ++i)
    t.set_f64(i, std::round(20 * std::sin(0.9 * static_cast<double>(i) + seed)) / 10);  // -2.0 .. 2.0
  return t;
}

/// Prints a tensor one row per line (rows of its last axis), numbers to 3 decimals.
void print_tensor(const char* label, const lamina::Tensor& t) {
  fmt::print("  {} {} {}:\n", label, lamina::dtype_name(t.dtype()), lamina::format_dims(t.dims()));
  int64_t cols = t.rank() == 0 ? 1 : t.dims().back();
  if (cols == 0 || t.size() == 0) return fmt::print("    (empty)\n");
  for (int64_t start = 0; start < t.size(); start += cols) {
    std::string row;
    for (int64_t i = start; i < start + cols; ++i)
      row += lamina::is_float(t.dtype()) ? fmt::format(" {:7.3f}", t.get_f64(i)) : fmt::format(" {:7d}", t.get_i64(i));
    fmt::print("    [{} ]\n", row);
  }
}

/// Compiles `source` for inputs of shape (None, 4), shows what it returns, runs it.
void demo(const std::string& title, const std::string& source, const std::vector<std::string>& names) {
  fmt::print("== {} ==\n{}\n", title, source);
  std::vector<lamina::InputSignature> signatures;
  for (const std::string& name : names) signatures.push_back({name, lamina::DType::Float32, {std::nullopt, 4}});
  lamina::Lambda f = lamina::Lambda::compile(source, signatures);

  std::vector<std::string> types = f.output_types();
  for (size_t i = 0; i < types.size(); ++i) fmt::print("  output {} type: {}\n", i, types[i]);

  std::vector<lamina::Tensor> inputs;
  for (size_t i = 0; i < names.size(); ++i) {
    inputs.push_back(sample_batch(2, 4, static_cast<int>(i)));
    print_tensor(("input " + names[i]).c_str(), inputs.back());
  }
  std::vector<lamina::Tensor> outputs = f.run(inputs);
  for (size_t i = 0; i < outputs.size(); ++i) print_tensor(fmt::format("output {}", i).c_str(), outputs[i]);
  fmt::print("\n");
}

}  // namespace

int main() {
  try {
    demo("Keras antirectifier",
         "lambda x:\n"
         "    x -= mean(x, axis=1, keepdims=True)\n"
         "    x = l2_normalize(x, axis=1)\n"
         "    pos = relu(x)\n"
         "    neg = relu(-x)\n"
         "    return concat([pos, neg], axis=1)",
         {"x"});
    demo("softmax over the last axis", "softmax(x, axis=-1)", {"x"});
    demo("square", "x ** 2", {"x"});
    demo("two inputs: Euclidean distance and difference (a Siamese-network head)",
         "lambda a, b:\n"
         "    d = a - b\n"
         "    return sqrt(sum(d * d, axis=-1, keepdims=True)), d",
         {"a", "b"});
  } catch (const lamina::Error& e) {
    fmt::print(stderr, "{}\n", e.what());
    return 1;
  }
  return 0;
}
