// var/variance and std: population statistics (ddof=0) as np.var / K.var.
// Expected values from NumPy.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor y() { return tensor({3, 4}, {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8}); }
}  // namespace

TEST_CASE("var and std over an axis", "[reductions][var]") {
  expect_values(eval("var(x, axis=0)", y()), {4}, {0.88888889, 11.555556, 1.5555556, 8.6666667});
  expect_values(eval("variance(x, axis=0)", y()), {4}, {0.88888889, 11.555556, 1.5555556, 8.6666667});
  expect_values(eval("std(x, axis=1)", y()), {3}, {1.2990381, 2.5, 1.7853571});
  expect_values(eval("std(x, axis=-1)", y()), {3}, {1.2990381, 2.5, 1.7853571});
}

TEST_CASE("var and std over all axes and a tuple", "[reductions][var]") {
  // np.var(np.arange(24) - 5) = 47.916667; np.std over (0, 2) of the (2, 3, 4) cube = 6.1032778
  Tensor cube = Tensor::zeros(DType::Float32, {2, 3, 4});
  for (int64_t i = 0; i < cube.size(); ++i) cube.set_f64(i, static_cast<double>(i) - 5);
  expect_values(eval("var(x)", cube), {}, {47.916667});
  expect_values(eval("std(x, axis=(0, 2))", cube), {3}, {6.1032778, 6.1032778, 6.1032778});
  expect_values(eval("var(x, axis=(2, 1), keepdims=True)", cube), {2, 1, 1}, {11.916667, 11.916667});
}

TEST_CASE("var of a constant is 0 and of a single element is 0", "[reductions][var]") {
  expect_values(eval("var(x, axis=1)", tensor({2, 3}, {7, 7, 7, -1, -1, -1})), {2}, {0, 0});
  expect_values(eval("std(x, axis=1)", tensor({2, 1}, {7, -1})), {2}, {0, 0});
}

TEST_CASE("var is exact for large offsets (two-pass)", "[reductions][var]") {
  // np.var(np.float32([10000.5, 10001.5])) = 0.25
  expect_values(eval("var(x)", tensor({2}, {10000.5, 10001.5})), {}, {0.25});
}

TEST_CASE("var and std propagate NaN and inf", "[reductions][var]") {
  expect_values(eval("var(x, axis=1)", tensor({2, 2}, {NAN, 1, INFINITY, 1})), {2}, {NAN, NAN});
}

TEST_CASE("var over a batch axis known only at run time divides by the run-time count", "[reductions][var]") {
  expect_values(test::eval_batched("var(x, axis=0)", y()), {4}, {0.88888889, 11.555556, 1.5555556, 8.6666667});
  expect_values(test::eval_batched("mean(x, axis=0)", tensor({2, 1}, {1, 4})), {1}, {2.5});
  expect_values(test::eval_batched("mean(x)", tensor({3, 1}, {1, 4, 7})), {}, {4});
}
