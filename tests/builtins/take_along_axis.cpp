// take_along_axis(x, indices, axis=None): NumPy take_along_axis.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("take_along_axis picks one element per index along the axis", "[take_along_axis]") {
  Tensor x = iota({2, 3});
  expect_values(eval("take_along_axis(x, [[2, 0], [1, 1]], axis=1)", x), {2, 2}, {2, 0, 4, 4});
  expect_values(eval("take_along_axis(x, [[1, 0, 1]], axis=0)", x), {1, 3}, {3, 1, 5});
  expect_values(eval("take_along_axis(x, [[-1], [0]], axis=-1)", x), {2, 1}, {2, 3});
}

TEST_CASE("take_along_axis broadcasts indices against the other axes", "[take_along_axis]") {
  expect_values(eval("take_along_axis(x, [[0, 2]], axis=1)", iota({2, 3})), {2, 2}, {0, 2, 3, 5});
}

TEST_CASE("take_along_axis without an axis uses the flattened tensor", "[take_along_axis]") {
  expect_values(eval("take_along_axis(x, [5, 0])", iota({2, 3})), {2}, {5, 0});
}

TEST_CASE("take_along_axis with argmax-style indices and a run-time batch", "[take_along_axis]") {
  auto f = Lambda::compile("lambda x, i: take_along_axis(x, i, axis=1)",
                           {{"x", DType::Float32, {std::nullopt, 3}}, {"i", DType::Int32, {std::nullopt, 1}}});
  Tensor idx = test::tensor({2, 1}, {2, 0}, DType::Int32);
  expect_values(f.run({iota({2, 3}), idx})[0], {2, 1}, {2, 3});
}

TEST_CASE("take_along_axis reports rank and index errors", "[take_along_axis][errors]") {
  Error rank = test::compile_error("take_along_axis(x, [0, 1], axis=1)", {2, 3});
  CHECK(rank.kind() == ErrorKind::Shape);
  test::expect_error(rank, "do not have the rank", 1, 1);

  Error flat = test::compile_error("take_along_axis(x, [[0]])", {2, 3});
  test::expect_error(flat, "needs 1-D indices", 1, 20);

  Error range = test::compile_error("take_along_axis(x, [[3]], axis=1)", {2, 3});
  test::expect_error(range, "index 3 is out of range for axis 1 of size 3", 1, 20);
}
