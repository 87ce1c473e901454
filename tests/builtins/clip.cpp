// clip(x, lo, hi) with the keras.ops names (x_min/x_max) and the K.clip names
// (min_value/max_value), one bound optional; clip_by_value (tf.clip_by_value).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({5}, {-3, -0.5, 0.25, 2, NAN}); }
}  // namespace

TEST_CASE("clip limits to the bounds and keeps NaN", "[clip]") {
  expect_values(eval("clip(x, -1, 1)", x()), {5}, {-1, -0.5, 0.25, 1, NAN});
  expect_values(eval("clip(x, x_min=-1, x_max=1)", x()), {5}, {-1, -0.5, 0.25, 1, NAN});
  expect_values(eval("clip(x, min_value=-1, max_value=1)", x()), {5}, {-1, -0.5, 0.25, 1, NAN});
  expect_values(eval("clip_by_value(x, -1, 1)", x()), {5}, {-1, -0.5, 0.25, 1, NAN});
}

TEST_CASE("clip with one bound", "[clip]") {
  expect_values(eval("clip(x, min_value=0)", x()), {5}, {0, 0, 0.25, 2, NAN});
  expect_values(eval("clip(x, x_max=0)", x()), {5}, {-3, -0.5, 0, 0, NAN});
  expect_values(eval("clip(x)", x()), {5}, {-3, -0.5, 0.25, 2, NAN});
}

TEST_CASE("clip with lo > hi gives hi, as np.clip", "[clip]") {
  expect_values(eval("clip(x, 1, -1)", tensor({3}, {-2, 0, 2})), {3}, {-1, -1, -1});
}

TEST_CASE("clip keeps ints with int bounds and becomes float with float bounds", "[clip]") {
  Tensor i = tensor({4}, {-7, 0, 3, 9}, DType::Int32);
  Tensor a = eval("clip(x, 0, 5)", i);
  CHECK(a.dtype() == DType::Int32);
  expect_values(a, {4}, {0, 0, 3, 5});
  Tensor b = eval("clip(x, -1.5, 2.5)", i);
  CHECK(b.dtype() == DType::Float32);
  expect_values(b, {4}, {-1.5, 0, 2.5, 2.5});
}

TEST_CASE("clip takes tensor bounds and broadcasts them", "[clip]") {
  Tensor lo = tensor({2, 1}, {0, 1});
  expect_values(eval("lambda x, y: clip(x, y, 2)", tensor({3}, {-1, 1.5, 3}), lo), {2, 3}, {0, 1.5, 2, 1, 1.5, 2});
}

TEST_CASE("clip's bounds must be numbers or tensors", "[clip][errors]") {
  test::expect_error(test::compile_error("clip(x, \"a\", 1)", {std::nullopt, 4}), "maximum() cannot take the string 'a'", 1, 9);
  test::expect_error(test::compile_error("clip(x, 0, 1, bound=2)", {std::nullopt, 4}),
                     "clip() got an unexpected keyword argument 'bound'", 1, 15);
}
