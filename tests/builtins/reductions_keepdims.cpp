// keepdims=True keeps every reduced axis as size 1, for every reduction.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;
using test::tensor;

TEST_CASE("keepdims keeps reduced axes as size 1", "[reductions][keepdims]") {
  Tensor x = iota({2, 3});  // [[0, 1, 2], [3, 4, 5]]
  expect_values(eval("sum(x, axis=1, keepdims=True)", x), {2, 1}, {3, 12});
  expect_values(eval("sum(x, axis=0, keepdims=True)", x), {1, 3}, {3, 5, 7});
  expect_values(eval("sum(x, keepdims=True)", x), {1, 1}, {15});
  expect_values(eval("prod(x, axis=-1, keepdims=True)", x), {2, 1}, {0, 60});
  expect_values(eval("max(x, axis=(0, 1), keepdims=True)", x), {1, 1}, {5});
  expect_values(eval("min(x, axis=0, keepdims=True)", x), {1, 3}, {0, 1, 2});
  expect_values(eval("mean(x, axis=-1, keepdims=True)", x), {2, 1}, {1, 4});
  expect_values(eval("var(x, axis=1, keepdims=True)", x), {2, 1}, {0.66666667, 0.66666667});
  expect_values(eval("std(x, axis=0, keepdims=True)", x), {1, 3}, {1.5, 1.5, 1.5});
  expect_values(eval("any(x > 4, axis=1, keepdims=True)", x), {2, 1}, {0, 1});
  expect_values(eval("all(x > 0, axis=1, keepdims=True)", x), {2, 1}, {0, 1});
  expect_values(eval("norm(x, axis=1, keepdims=True)", x), {2, 1}, {2.236068, 7.0710678});
  expect_values(eval("argmax(x, axis=1, keepdims=True)", x), {2, 1}, {2, 2});
  expect_values(eval("argmin(x, axis=0, keepdims=True)", x), {1, 3}, {0, 0, 0});
}

TEST_CASE("keepdims with the positional form and the keepdims result broadcasts back", "[reductions][keepdims]") {
  Tensor x = iota({2, 3});
  expect_values(eval("sum(x, 1, True)", x), {2, 1}, {3, 12});
  // The common centring idiom: x - mean(x, axis=-1, keepdims=True).
  expect_values(eval("x - mean(x, axis=-1, keepdims=True)", x), {2, 3}, {-1, 0, 1, -1, 0, 1});
}

TEST_CASE("keepdims keeps a batch axis known only at run time", "[reductions][keepdims]") {
  auto types = test::output_types("sum(x, axis=(0, 1), keepdims=True)", {{"x", DType::Float32, {std::nullopt, 3}}});
  CHECK(types == std::vector<std::string>{"float32(1, 1)"});
  types = test::output_types("sum(x, axis=1, keepdims=True)", {{"x", DType::Float32, {std::nullopt, 3}}});
  CHECK(types == std::vector<std::string>{"float32(None, 1)"});
  expect_values(test::eval_batched("sum(x, axis=1, keepdims=True)", iota({2, 3})), {2, 1}, {3, 12});
}
