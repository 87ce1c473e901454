// prod and cumprod have exact gradients where elements are zero: the product
// of the other elements, never a 0/0. Expected values are worked out by hand.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

/// The gradient of the scalar `source` with respect to its input x.
Tensor gradient(const std::string& source, const Tensor& x) {
  std::vector<NamedInput> in{{"x", x}};
  ir::Function f = lower_source(source, in);
  autodiff::WithRespectTo wrt;
  wrt.inputs = {0};
  ir::Function g = autodiff::differentiate(f, 0, wrt);
  return interpret(g, {x}).at(1);
}

std::vector<double> elements(const Tensor& t) {
  std::vector<double> v;
  for (int64_t i = 0; i < t.size(); ++i) v.push_back(t.get_f64(i));
  return v;
}

}  // namespace

TEST_CASE("the gradient of prod at a zero is the product of the other elements") {
  // d/dx_i (x0 x1 x2 x3) = product of the others: [0*3*4, 2*3*4, 2*0*4, 2*0*3].
  CHECK(elements(gradient("lambda x: prod(x)", values64({4}, {2, 0, 3, 4}))) == std::vector<double>{0, 24, 0, 0});
  // Two zeros: every product of three elements holds a zero.
  CHECK(elements(gradient("lambda x: prod(x)", values64({3}, {0, 5, 0}))) == std::vector<double>{0, 0, 0});
  // Per row of axis 1: [1, 0] gives [0, 1]; [3, 2] gives [2, 3].
  CHECK(elements(gradient("lambda x: sum(prod(x, axis=1))", values64({2, 2}, {1, 0, 3, 2}))) ==
        std::vector<double>{0, 1, 2, 3});
}

TEST_CASE("the gradient of cumprod at zeros is exact") {
  // y = cumprod([2, 0, 3, 5]) = [2, 0, 0, 0]; L = sum(y).
  // dL/dx0 = 1 + x1 + x1 x2 + x1 x2 x3 = 1;  dL/dx1 = x0 + x0 x2 + x0 x2 x3 = 2 + 6 + 30 = 38;
  // dL/dx2 = x0 x1 (1 + x3) = 0;             dL/dx3 = x0 x1 x2 = 0.
  CHECK(elements(gradient("lambda x: sum(cumprod(x))", values64({4}, {2, 0, 3, 5}))) ==
        std::vector<double>{1, 38, 0, 0});
  // A second zero at x3: dL/dx1 = x0 + x0 x2 + x0 x2 x3 = 2 + 6 + 0 = 8; dL/dx3 = x0 x1 x2 = 0.
  CHECK(elements(gradient("lambda x: sum(cumprod(x))", values64({4}, {2, 0, 3, 0}))) ==
        std::vector<double>{1, 8, 0, 0});
}
