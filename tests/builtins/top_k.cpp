// top_k(x, k, sorted=True) -> (values, indices) along the last axis.

#include "builtins/support.h"

using namespace lamina;
using test::expect_values;
using test::tensor;

TEST_CASE("top_k gives values and int32 indices, lower index first among ties", "[top_k]") {
  auto out = test::run("top_k(x, 2)", {{"x", DType::Float32, {4}}}, {tensor({4}, {1, 3, 2, 3})});
  REQUIRE(out.size() == 2);
  expect_values(out[0], {2}, {3, 3});
  CHECK(out[1].dtype() == DType::Int32);
  expect_values(out[1], {2}, {1, 3});
}

TEST_CASE("top_k works row by row and unpacks", "[top_k]") {
  Tensor x = tensor({2, 3}, {5, 1, 4, -1, -3, -2});
  expect_values(test::eval("v, i = top_k(x, k=2)\nreturn i", x), {2, 2}, {0, 2, 0, 2});
  expect_values(test::eval("v, i = top_k(x, 3, sorted=False); v", x), {2, 3}, {5, 4, 1, -1, -2, -3});
  Tensor ints = test::eval("top_k(x, 1)[0]", tensor({2, 2}, {1, 7, 9, 3}, DType::Int32));
  CHECK(ints.dtype() == DType::Int32);
  expect_values(ints, {2, 1}, {7, 9});
}

TEST_CASE("top_k with a run-time batch and k = 0", "[top_k]") {
  auto f = Lambda::compile("top_k(x, 1)[1]", {{"x", DType::Float32, {std::nullopt, 3}}});
  CHECK(f.output_types() == std::vector<std::string>{"int32(None, 1)"});
  expect_values(f.run({tensor({2, 3}, {0, 9, 1, 7, 2, 7})})[0], {2, 1}, {1, 0});
  expect_values(test::eval("top_k(x, 0)[0]", tensor({2}, {1, 2})), {0}, {});
}

TEST_CASE("top_k reports a bad k or input", "[top_k][errors]") {
  Error big = test::compile_error("top_k(x, 4)[0]", {2, 3});
  CHECK(big.kind() == ErrorKind::Value);
  test::expect_error(big, "k = 4 is larger than the last dimension of shape (2, 3)", 1, 10);

  Error negative = test::compile_error("top_k(x, -1)[0]", std::vector<std::optional<int64_t>>{3});
  test::expect_error(negative, "k cannot be negative", 1, 10);

  Error scalar = test::compile_error("top_k(x, 1)[0]", std::vector<std::optional<int64_t>>{});
  test::expect_error(scalar, "at least one dimension", 1, 7);

  Error boolean = test::compile_error("top_k(x, 1)[0]", {{"x", DType::Bool, {3}}});
  CHECK(boolean.kind() == ErrorKind::Type);
  test::expect_error(boolean, "numeric tensor", 1, 7);
}
