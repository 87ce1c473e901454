// pad(x, pad_width, mode="constant", constant_values=0): NumPy pad, constant mode.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("pad with one width for every side", "[pad]") {
  expect_values(eval("pad(x, 1)", iota({2, 2})), {4, 4}, {0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 3, 0, 0, 0, 0, 0});
}

TEST_CASE("pad with (before, after) for every axis", "[pad]") {
  expect_values(eval("pad(x, (1, 2))", test::tensor({2}, {1, 2})), {5}, {0, 1, 2, 0, 0});
  expect_values(eval("pad(x, ((1, 0),))", iota({1, 1})), {2, 2}, {0, 0, 0, 0});
}

TEST_CASE("pad with a pair per axis and a constant", "[pad]") {
  expect_values(eval("pad(x, ((0, 0), (1, 0)), constant_values=9)", iota({2, 2})), {2, 3}, {9, 0, 1, 9, 2, 3});
  Tensor r = eval("pad(x, [[1, 0], [0, 1]], mode=\"constant\", constant_values=-1)", iota({1, 2}, DType::Int32));
  CHECK(r.dtype() == DType::Int32);
  expect_values(r, {2, 3}, {-1, -1, -1, 0, 1, -1});
}

TEST_CASE("pad keeps a run-time batch dimension", "[pad]") {
  auto f = Lambda::compile("pad(x, ((0, 0), (1, 1)))", {{"x", DType::Float32, {std::nullopt, 1}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 3)"});
  expect_values(f.run({test::tensor({2, 1}, {5, 6})})[0], {2, 3}, {0, 5, 0, 0, 6, 0});
  expect_values(eval("pad(x, (0, 2))", iota({0})), {2}, {0, 0});
}

TEST_CASE("pad reports unsupported modes and bad widths", "[pad][errors]") {
  Error mode = test::compile_error("pad(x, 1, mode=\"reflect\")", {2, 2});
  test::expect_error(mode, "mode 'reflect' is not supported", 1, 16);
  CHECK_THAT(mode.hint(), Catch::Contains("constant"));

  Error pairs = test::compile_error("pad(x, ((1, 1), (1, 1), (1, 1)))", {2, 2});
  CHECK(pairs.kind() == ErrorKind::Shape);
  test::expect_error(pairs, "3 pairs but the tensor of shape (2, 2) has 2 axes", 1, 8);

  Error negative = test::compile_error("pad(x, (1, -1))", {2, 2});
  test::expect_error(negative, "cannot be negative", 1, 8);

  Error floats = test::compile_error("pad(x, 1.5)", {2, 2});
  test::expect_error(floats, "pad_width must be an integer or pairs of integers", 1, 8);
  Error item = test::compile_error("pad(x, (1.5, 1))", {2, 2});
  test::expect_error(item, "pad_width must hold integers", 1, 8);
}
