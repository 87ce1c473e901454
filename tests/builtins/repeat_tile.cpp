// repeat(x, n, axis=None) repeats elements (np.repeat); tile(x, reps) repeats
// the whole tensor (np.tile).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("repeat repeats each element along an axis", "[repeat][shape]") {
  expect_values(eval("repeat(x, 2, axis=1)", iota({2, 2})), {2, 4}, {0, 0, 1, 1, 2, 2, 3, 3});
  expect_values(eval("repeat(x, 2, axis=0)", iota({2, 2})), {4, 2}, {0, 1, 0, 1, 2, 3, 2, 3});
  expect_values(eval("repeat(x, 3)", iota({2, 1})), {6}, {0, 0, 0, 1, 1, 1});
  expect_values(eval("repeat(x, 0, axis=1)", iota({2, 2})), {2, 0}, {});
  expect_values(test::eval_batched("repeat(x, 2, axis=0)", iota({2, 1})), {4, 1}, {0, 0, 1, 1});
}

TEST_CASE("tile repeats the whole tensor", "[tile][shape]") {
  expect_values(eval("tile(x, 2)", iota({2, 2})), {2, 4}, {0, 1, 0, 1, 2, 3, 2, 3});
  expect_values(eval("tile(x, (2, 1))", iota({2, 2})), {4, 2}, {0, 1, 2, 3, 0, 1, 2, 3});
  expect_values(eval("tile(x, (2, 1, 1))", iota({1, 2})), {2, 1, 2}, {0, 1, 0, 1});
  expect_values(test::eval_batched("tile(x, (2, 1))", iota({1, 2})), {2, 2}, {0, 1, 0, 1});
}

TEST_CASE("repeat and tile counts cannot be negative", "[repeat][tile][shape][errors]") {
  std::vector<std::optional<int64_t>> shape = {std::nullopt, 4};
  Error e = test::compile_error("repeat(x, -1)", shape);
  CHECK(e.kind() == ErrorKind::Value);
  test::expect_error(e, "repeat() count cannot be negative (-1)", 1, 11);
  test::expect_error(test::compile_error("tile(x, (1, -2))", shape), "tile() counts cannot be negative (-2)", 1, 9);
  test::expect_error(test::compile_error("repeat(x, 2, axis=2)", shape), "axis 2 is out of range", 1, 19);
  test::expect_error(test::compile_error("repeat(x, shape(x)[0])", shape),
                     "argument 'repeats' of repeat() must be known before run time", 1, 11);
}
