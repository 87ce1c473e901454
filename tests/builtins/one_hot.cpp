// one_hot(indices, depth, axis=-1, dtype="float32"): tf.one_hot / keras.ops.one_hot.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("one_hot gives float32 rows, all zero for out-of-range indices", "[one_hot]") {
  Tensor i = tensor({4}, {0, 2, -1, 3}, DType::Int32);
  Tensor r = eval("one_hot(x, 3)", i);
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {4, 3}, {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0});
}

TEST_CASE("one_hot along another axis, with a dtype and Keras' keyword", "[one_hot]") {
  Tensor i = tensor({2}, {1, 0}, DType::Int32);
  expect_values(eval("one_hot(x, 3, axis=0)", i), {3, 2}, {0, 1, 1, 0, 0, 0});
  Tensor r = eval("one_hot(x, num_classes=2, dtype=\"int32\")", i);
  CHECK(r.dtype() == DType::Int32);
  expect_values(r, {2, 2}, {0, 1, 1, 0});
  expect_values(eval("one_hot(x, 2)", tensor({2, 1}, {1, 0}, DType::Int64)), {2, 1, 2}, {0, 1, 1, 0});
  expect_values(eval("one_hot(1, 3)", i), {3}, {0, 1, 0});
}

TEST_CASE("one_hot with a run-time batch and zero depth", "[one_hot]") {
  auto f = Lambda::compile("one_hot(x, 3)", {{"x", DType::Int32, {std::nullopt}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 3)"});
  expect_values(f.run({tensor({2}, {2, 1}, DType::Int32)})[0], {2, 3}, {0, 0, 1, 0, 1, 0});
  expect_values(eval("one_hot(x, 0)", tensor({2}, {0, 1}, DType::Int32)), {2, 0}, {});
}

TEST_CASE("one_hot reports bad indices, depth and axis", "[one_hot][errors]") {
  Error floats = test::compile_error("one_hot(x, 3)", std::vector<std::optional<int64_t>>{4});
  CHECK(floats.kind() == ErrorKind::Type);
  test::expect_error(floats, "needs integer indices", 1, 9);

  std::vector<InputSignature> ints = {{"x", DType::Int32, {4}}};
  Error negative = test::compile_error("one_hot(x, -2)", ints);
  test::expect_error(negative, "depth cannot be negative", 1, 12);

  Error missing = test::compile_error("one_hot(x)", ints);
  test::expect_error(missing, "missing its argument 'depth'", 1, 1);

  Error axis = test::compile_error("one_hot(x, 3, axis=2)", ints);
  CHECK(axis.kind() == ErrorKind::Axis);
  test::expect_error(axis, "axis 2 is out of range", 1, 20);
}
