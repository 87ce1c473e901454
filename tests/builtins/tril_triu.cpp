// tril(x, k=0) / triu(x, k=0) on the last two axes.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("tril keeps the lower triangle", "[tril]") {
  Tensor x = test::tensor({3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
  expect_values(eval("tril(x)", x), {3, 3}, {1, 0, 0, 4, 5, 0, 7, 8, 9});
  expect_values(eval("tril(x, k=1)", x), {3, 3}, {1, 2, 0, 4, 5, 6, 7, 8, 9});
  expect_values(eval("tril(x, -1)", x), {3, 3}, {0, 0, 0, 4, 0, 0, 7, 8, 0});
}

TEST_CASE("triu keeps the upper triangle", "[triu]") {
  Tensor x = test::tensor({3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
  expect_values(eval("triu(x)", x), {3, 3}, {1, 2, 3, 0, 5, 6, 0, 0, 9});
  expect_values(eval("triu(x, k=1)", x), {3, 3}, {0, 2, 3, 0, 0, 6, 0, 0, 0});
  expect_values(eval("triu(x, -1)", x), {3, 3}, {1, 2, 3, 4, 5, 6, 0, 8, 9});
}

TEST_CASE("tril and triu on rectangular and batched matrices", "[tril][triu]") {
  expect_values(eval("triu(x, 1)", iota({2, 3})), {2, 3}, {0, 1, 2, 0, 0, 5});
  expect_values(eval("tril(x)", iota({2, 2, 2})), {2, 2, 2}, {0, 0, 2, 3, 4, 0, 6, 7});
  Tensor ints = eval("tril(x)", iota({2, 2}, DType::Int32));
  CHECK(ints.dtype() == DType::Int32);
  expect_values(ints, {2, 2}, {0, 0, 2, 3});
  expect_values(eval("tril(x)", iota({0, 2})), {0, 2}, {});
}

TEST_CASE("a causal mask from tril of ones with run-time sizes", "[tril]") {
  auto f = Lambda::compile("tril(ones_like(x))", {{"x", DType::Float32, {std::nullopt, std::nullopt}}});
  expect_values(f.run({iota({3, 3})})[0], {3, 3}, {1, 0, 0, 1, 1, 0, 1, 1, 1});
  expect_values(f.run({iota({2, 3})})[0], {2, 3}, {1, 0, 0, 1, 1, 0});
}

TEST_CASE("tril and triu need a matrix", "[tril][errors]") {
  Error e = test::compile_error("x + tril(x)", std::vector<std::optional<int64_t>>{3});
  CHECK(e.kind() == ErrorKind::Shape);
  test::expect_error(e, "tril() needs a tensor with at least 2 dimensions, got shape (3,)", 1, 5);
  Error k = test::compile_error("triu(x, k=0.5)", {2, 2});
  test::expect_error(k, "must be an integer", 1, 11);
}
