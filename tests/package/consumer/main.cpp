// A C++ host of the installed library: compiles, runs, and catches a lamina::Error thrown
// from inside liblamina.so (which needs the exception's type information exported).

#include <iostream>

#include "lamina/lambda.h"

int main() {
  auto f = lamina::Lambda::compile("lambda x: x * 2 + 1", {{"x", lamina::DType::Float32, {std::nullopt, 2}}});
  lamina::Tensor x = lamina::Tensor::zeros(lamina::DType::Float32, {1, 2});
  x.set_f64(0, 3);
  x.set_f64(1, -4);
  std::vector<lamina::Tensor> y = f.run({x}, lamina::Engine::Jit);
  std::cout << "c++: " << y[0].get_f64(0) << " " << y[0].get_f64(1) << "\n";
  try {
    lamina::Lambda::compile("x +", {{"x", lamina::DType::Float32, {2}}});
  } catch (const lamina::Error& e) {
    std::cout << "c++ caught: line " << e.span().line << "\n";
    return 0;
  }
  return 1;
}
