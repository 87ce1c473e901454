// sum, prod, max/amax, min/amin and mean over axis=None|int|tuple, with
// negative axes. Expected values from NumPy on np.arange(24).reshape(2, 3, 4) - 5.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor cube() {
  Tensor t = Tensor::zeros(DType::Float32, {2, 3, 4});
  for (int64_t i = 0; i < t.size(); ++i) t.set_f64(i, static_cast<double>(i) - 5);
  return t;
}
}  // namespace

TEST_CASE("sum over all axes, one axis, a negative axis and a tuple", "[reductions]") {
  expect_values(eval("sum(x)", cube()), {}, {156});
  expect_values(eval("sum(x, axis=-1)", cube()), {2, 3}, {-14, 2, 18, 34, 50, 66});
  expect_values(eval("sum(x, axis=(0, 2))", cube()), {3}, {20, 52, 84});
  expect_values(eval("sum(x, (2, 0))", cube()), {3}, {20, 52, 84});
  expect_values(eval("sum(x, axis=[0, -1])", cube()), {3}, {20, 52, 84});
}

TEST_CASE("prod, max, min and mean", "[reductions]") {
  expect_values(eval("prod(x, axis=1)", cube()), {2, 4}, {15, 0, -15, -24, 1155, 1536, 1989, 2520});
  expect_values(eval("max(x, axis=(0, 1))", cube()), {4}, {15, 16, 17, 18});
  expect_values(eval("amax(x, axis=(0, 1))", cube()), {4}, {15, 16, 17, 18});
  expect_values(eval("min(x, axis=-2)", cube()), {2, 4}, {-5, -4, -3, -2, 7, 8, 9, 10});
  expect_values(eval("amin(x)", cube()), {}, {-5});
  expect_values(eval("mean(x, axis=(1, 2))", cube()), {2}, {0.5, 12.5});
  expect_values(eval("mean(x)", cube()), {}, {6.5});
}

TEST_CASE("an empty axis tuple reduces nothing", "[reductions]") {
  expect_values(eval("sum(x, axis=())", tensor({2}, {1, 2})), {2}, {1, 2});
}

TEST_CASE("max and min propagate NaN and sum with inf follows IEEE", "[reductions]") {
  Tensor x = tensor({2, 3}, {1, NAN, 3, -INFINITY, 0, INFINITY});
  expect_values(eval("max(x, axis=1)", x), {2}, {NAN, INFINITY});
  expect_values(eval("min(x, axis=1)", x), {2}, {NAN, -INFINITY});
  expect_values(eval("sum(x, axis=1)", x), {2}, {NAN, NAN});
  expect_values(eval("sum(x, axis=1)", tensor({1, 2}, {INFINITY, 1})), {1}, {INFINITY});
}

TEST_CASE("reductions of a 0-d tensor and of size-1 axes", "[reductions]") {
  expect_values(eval("sum(x)", tensor({}, {2.5})), {}, {2.5});
  expect_values(eval("max(x, axis=None)", tensor({}, {2.5})), {}, {2.5});
  expect_values(eval("mean(x, axis=1)", tensor({3, 1}, {1, 2, 3})), {3}, {1, 2, 3});
  expect_values(eval("prod(x, axis=0)", tensor({1, 2}, {4, 5})), {2}, {4, 5});
}

TEST_CASE("reductions accept the K. and tf. spellings", "[reductions]") {
  expect_values(eval("K.sum(x, axis=-1)", cube()), {2, 3}, {-14, 2, 18, 34, 50, 66});
  expect_values(eval("tf.reduce_sum(x, axis=(0, 2))", cube()), {3}, {20, 52, 84});
  expect_values(eval("reduce_prod(x, axis=1)", cube()), {2, 4}, {15, 0, -15, -24, 1155, 1536, 1989, 2520});
  expect_values(eval("reduce_max(x, axis=(0, 1))", cube()), {4}, {15, 16, 17, 18});
  expect_values(eval("reduce_min(x)", cube()), {}, {-5});
  expect_values(eval("tf.reduce_mean(x)", cube()), {}, {6.5});
  expect_values(eval("reduce_any(x > 17)", cube()), {}, {1});
  expect_values(eval("reduce_all(x > -6)", cube()), {}, {1});
  expect_values(eval("reduce_variance(x, axis=1)", tensor({1, 2}, {1, 3})), {1}, {1});
  expect_values(eval("reduce_std(x, axis=1)", tensor({1, 2}, {1, 3})), {1}, {1});
}
