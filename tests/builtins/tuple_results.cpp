// Several results: `return a, b`, a bare tuple expression, unpacking; and the
// checks on what a result may be.

#include "builtins/support.h"

using namespace lamina;
using test::eval_all;
using test::expect_values;
using test::tensor;

TEST_CASE("a tuple result gives one output per item", "[tuple_results]") {
  auto out = eval_all("x, x * 2", tensor({2}, {1, 2}));
  REQUIRE(out.size() == 2);
  expect_values(out[0], {2}, {1, 2});
  expect_values(out[1], {2}, {2, 4});
  auto ret = eval_all("lambda x:\n  a = x + 1\n  return a, -a, sum(a)", tensor({2}, {1, 2}));
  REQUIRE(ret.size() == 3);
  expect_values(ret[1], {2}, {-2, -3});
  expect_values(ret[2], {}, {5});
}

TEST_CASE("a Python scalar in a tuple result becomes a 0-d tensor", "[tuple_results]") {
  auto out = eval_all("x, 3", tensor({1}, {1}));
  REQUIRE(out.size() == 2);
  CHECK(out[1].dtype() == DType::Int32);
  expect_values(out[1], {}, {3});
}

TEST_CASE("unpacking swaps and splits", "[tuple_results]") {
  auto out = eval_all("a, b = x, x + 1; return b, a", tensor({1}, {5}));
  REQUIRE(out.size() == 2);
  expect_values(out[0], {1}, {6});
  expect_values(out[1], {1}, {5});
}

TEST_CASE("a result must be a tensor", "[tuple_results][errors]") {
  std::vector<std::optional<int64_t>> shape = {std::nullopt, 4};
  test::expect_error(test::compile_error("x.dtype", shape),
                     "a lambda result must be a tensor, but this is the string 'float32'", 1, 1);
  test::expect_error(test::compile_error("x, None", shape), "a lambda result must be a tensor, but this is None", 1, 4);
  test::expect_error(test::compile_error("x, (x, x)", shape),
                     "a lambda result must be a tensor, but this is a tuple of 2 items", 1, 4);
  test::expect_error(test::compile_error("return ()", shape), "the lambda returns an empty tuple", 1, 8);
}

TEST_CASE("unpacking the wrong number of values is an error", "[tuple_results][errors]") {
  std::vector<std::optional<int64_t>> shape = {std::nullopt, 4};
  Error e = test::compile_error("a, b = x, x, x; a", shape);
  CHECK(e.kind() == ErrorKind::Value);
  test::expect_error(e, "cannot unpack 3 values into 2 names", 1, 1);
  test::expect_error(test::compile_error("a, b = x; a", shape),
                     "cannot unpack a float32 tensor of shape (None, 4) into 2 names", 1, 1);
}
