// Ties: max and min (reductions and maximum/minimum) split the cotangent
// evenly among the elements that attain the result, as TensorFlow's reductions do.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

std::vector<double> gradient(const std::string& source, const std::vector<NamedInput>& in, size_t which) {
  ir::Function f = lower_source(source, in);
  autodiff::WithRespectTo wrt;
  for (size_t i = 0; i < in.size(); ++i) wrt.inputs.push_back(static_cast<int>(i));
  ir::Function g = autodiff::differentiate(f, 0, wrt);
  Tensor t = interpret(g, values_of(in)).at(1 + which);
  std::vector<double> v;
  for (int64_t i = 0; i < t.size(); ++i) v.push_back(t.get_f64(i));
  return v;
}

}  // namespace

TEST_CASE("max and min reductions split the gradient evenly among tied elements") {
  Tensor x = values64({5}, {1, 3, 3, 0, 3});
  CHECK(gradient("lambda x: max(x)", {{"x", x}}, 0) == std::vector<double>{0, 1.0 / 3, 1.0 / 3, 0, 1.0 / 3});
  Tensor y = values64({2, 3}, {2, -1, -1, 4, 0, 5});
  CHECK(gradient("lambda x: sum(min(x, axis=1))", {{"x", y}}, 0) == std::vector<double>{0, 0.5, 0.5, 0, 1, 0});
}

TEST_CASE("maximum and minimum split the gradient evenly between tied operands") {
  std::vector<NamedInput> in{{"x", values64({3}, {1, 2, 3})}, {"y", values64({3}, {2, 2, 1})}};
  CHECK(gradient("lambda x, y: sum(maximum(x, y))", in, 0) == std::vector<double>{0, 0.5, 1});
  CHECK(gradient("lambda x, y: sum(maximum(x, y))", in, 1) == std::vector<double>{1, 0.5, 0});
  CHECK(gradient("lambda x, y: sum(minimum(x, y))", in, 0) == std::vector<double>{1, 0.5, 0});
  // relu(x) is maximum(x, 0): at 0 it passes half the cotangent.
  CHECK(gradient("lambda x: sum(relu(x))", {{"x", values64({3}, {-1, 0, 2})}}, 0) == std::vector<double>{0, 0.5, 1});
}
