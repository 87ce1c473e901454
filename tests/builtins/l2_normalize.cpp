// l2_normalize(x, axis=-1, epsilon=1e-12) = x / sqrt(max(sum(x^2, axis), epsilon)),
// as tf.math.l2_normalize: a zero row stays zero instead of becoming NaN.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor y() { return tensor({3, 4}, {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8}); }
}  // namespace

TEST_CASE("l2_normalize scales rows to unit length", "[l2_normalize]") {
  std::vector<double> rows = {0.57735027, 0.19245009, 0.76980036, 0.19245009, 0.41380294, 0.7448453,
                              0.16552118, 0.49656353, 0.45083482, 0.27050089, 0.45083482, 0.72133571};
  expect_values(eval("l2_normalize(x)", y()), {3, 4}, rows);
  expect_values(eval("l2_normalize(x, axis=1)", y()), {3, 4}, rows);
  expect_values(eval("K.l2_normalize(x, -1)", y()), {3, 4}, rows);
}

TEST_CASE("l2_normalize over another axis", "[l2_normalize]") {
  expect_values(eval("l2_normalize(x, axis=0)", y()), {3, 4},
                {0.39056673, 0.10482848, 0.59628479, 0.099503719, 0.65094455, 0.94345635, 0.2981424, 0.59702231,
                 0.65094455, 0.31448545, 0.74535599, 0.79602975});
  // Over both axes: divided by the norm of the whole tensor, sqrt(84).
  Tensor r = eval("l2_normalize(x, axis=(0, 1))", tensor({2, 2}, {1, 3, 5, 7}));
  expect_values(r, {2, 2}, {0.10910895, 0.32732684, 0.54554473, 0.76376262});
}

TEST_CASE("l2_normalize leaves a zero row at zero", "[l2_normalize]") {
  expect_values(eval("l2_normalize(x)", tensor({2, 2}, {0, 0, 3, 4})), {2, 2}, {0, 0, 0.6, 0.8});
}

TEST_CASE("l2_normalize's epsilon bounds the divisor", "[l2_normalize]") {
  // sum of squares 0.25 < epsilon 1: divide by sqrt(1).
  expect_values(eval("l2_normalize(x, epsilon=1.0)", tensor({1, 2}, {0.3, 0.4})), {1, 2}, {0.3, 0.4});
}

TEST_CASE("l2_normalize of ints is float32", "[l2_normalize]") {
  Tensor r = eval("l2_normalize(x)", tensor({1, 2}, {3, 4}, DType::Int32));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {1, 2}, {0.6, 0.8});
}

TEST_CASE("l2_normalize's epsilon must be a number", "[l2_normalize][errors]") {
  test::expect_error(test::compile_error("l2_normalize(x, epsilon=\"a\")", {std::nullopt, 4}),
                     "argument 'epsilon' of l2_normalize() must be a number, but it is the string 'a'", 1, 25);
}
