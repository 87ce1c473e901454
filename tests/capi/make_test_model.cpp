// Writes the model file the C API's model tests load (path in argv[1]): input x (None, 3)
// → Dense(2) with the weights below → Lambda relu(x) * 2, and a second output sum(x, axis=1).
// The C tests derive their expected values by hand from these weights.
#include <iostream>

#include "lamina/model.h"
#include "lamina/model_file.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_test_model PATH\n";
    return 2;
  }
  using namespace lamina;
  try {
    SymbolicTensor x = Input({3}, {.name = "x"});
    Layer dense = layers::Dense(2, {.name = "dense"});
    SymbolicTensor h = layers::Lambda("relu(x) * 2", {.name = "double_relu"})(dense(x));
    SymbolicTensor total = layers::Lambda("sum(x, axis=1)", {.name = "row_sum"})(x);
    Model model({x}, {h, total}, "capi_test_model");
    Tensor kernel = Tensor::zeros(DType::Float32, {3, 2});
    const float w[6] = {1, 0, 0, 1, 1, -1};  // rows of the (3, 2) kernel
    for (int i = 0; i < 6; ++i) kernel.set_f64(i, w[i]);
    Tensor bias = Tensor::zeros(DType::Float32, {2});
    bias.set_f64(0, 0.5);
    bias.set_f64(1, -0.5);
    dense.set_weights({kernel, bias});
    save_model(model, argv[1]);
  } catch (const Error& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
