// take(x, indices, axis=None) (keras.ops.take) and gather(reference, indices, axis=0) (K.gather).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;
using test::tensor;

TEST_CASE("take along an axis", "[take]") {
  Tensor x = iota({2, 3});
  expect_values(eval("take(x, [0, 2], axis=1)", x), {2, 2}, {0, 2, 3, 5});
  expect_values(eval("take(x, [1], axis=-2)", x), {1, 3}, {3, 4, 5});
  // A scalar index removes the axis.
  expect_values(eval("take(x, 1, axis=1)", x), {2}, {1, 4});
  // Index arrays keep their shape: out = x.shape[:axis] + idx.shape + x.shape[axis+1:].
  expect_values(eval("take(x, [[2, 1], [0, 0]], axis=1)", x), {2, 2, 2}, {2, 1, 0, 0, 5, 4, 3, 3});
}

TEST_CASE("take without an axis indexes the flattened tensor", "[take]") {
  Tensor x = iota({2, 3});
  expect_values(eval("take(x, 4)", x), {}, {4});
  expect_values(eval("take(x, [[0, 1], [5, -1]])", x), {2, 2}, {0, 1, 5, 5});
}

TEST_CASE("take wraps negative indices", "[take]") {
  expect_values(eval("take(x, [-1, -3], axis=1)", iota({2, 3})), {2, 2}, {2, 0, 5, 3});
}

TEST_CASE("take with an index tensor input", "[take]") {
  Tensor idx = tensor({3}, {1, 0, 1}, DType::Int32);
  expect_values(eval("lambda x, y: take(x, y, axis=0)", iota({2, 2}), idx), {3, 2}, {2, 3, 0, 1, 2, 3});
  Tensor idx64 = tensor({2}, {2, -2}, DType::Int64);
  expect_values(eval("lambda x, y: take(x, y, axis=1)", iota({2, 3}), idx64), {2, 2}, {2, 1, 5, 4});
}

TEST_CASE("gather defaults to axis 0", "[take][gather]") {
  Tensor x = iota({3, 2});
  expect_values(eval("gather(x, [2, 0])", x), {2, 2}, {4, 5, 0, 1});
  expect_values(eval("gather(x, [1, 1], axis=1)", x), {3, 2}, {1, 1, 3, 3, 5, 5});
  expect_values(eval("K.gather(x, 1)", x), {2}, {2, 3});
}

TEST_CASE("take keeps a run-time batch dimension and allows empty index lists", "[take]") {
  auto f = Lambda::compile("take(x, [2, 0], axis=1)", {{"x", DType::Float32, {std::nullopt, 3}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 2)"});
  expect_values(f.run({iota({2, 3})})[0], {2, 2}, {2, 0, 5, 3});
  expect_values(eval("take(x, [], axis=1)", iota({2, 3})), {2, 0}, {});
  expect_values(eval("take(x, [0], axis=0)", iota({1, 0})), {1, 0}, {});
}

TEST_CASE("take reports bad indices and axes", "[take][errors]") {
  Error range = test::compile_error("take(x, [0, 3], axis=1)", {2, 3});
  test::expect_error(range, "index 3 is out of range for axis 1 of size 3", 1, 9);
  CHECK_THAT(range.hint(), Catch::Contains("-3..2"));

  Error flat = test::compile_error("take(x, -7)", {2, 3});
  test::expect_error(flat, "index -7 is out of range for axis 0 of size 6", 1, 9);

  Error floats = test::compile_error("take(x, 1.5)", {2, 3});
  CHECK(floats.kind() == ErrorKind::Type);
  test::expect_error(floats, "needs integer indices", 1, 9);

  Error axis = test::compile_error("gather(x, [0], axis=2)", {2, 3});
  CHECK(axis.kind() == ErrorKind::Axis);
  test::expect_error(axis, "axis 2 is out of range", 1, 21);

  Error run = test::run_error("lambda x, y: take(x, y, axis=1)",
                              {{"x", DType::Float32, {2, 3}}, {"y", DType::Int32, {1}}},
                              {iota({2, 3}), tensor({1}, {3}, DType::Int32)});
  CHECK(run.kind() == ErrorKind::Runtime);
}
