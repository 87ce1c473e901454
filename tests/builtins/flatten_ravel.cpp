// flatten / batch_flatten keep the batch axis (K.batch_flatten, the Flatten
// layer); ravel flattens everything.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("flatten keeps the first axis", "[flatten][shape]") {
  expect_values(eval("flatten(x)", iota({2, 2, 2})), {2, 4}, {0, 1, 2, 3, 4, 5, 6, 7});
  expect_values(eval("batch_flatten(x)", iota({2, 3})), {2, 3}, {0, 1, 2, 3, 4, 5});
  auto types = test::output_types("flatten(x)", {{"x", DType::Float32, {std::nullopt, 2, 3}}});
  CHECK(types == std::vector<std::string>{"float32(None, 6)"});
  expect_values(test::eval_batched("flatten(x)", iota({0, 2, 3})), {0, 6}, {});
}

TEST_CASE("ravel flattens every axis", "[flatten][shape]") {
  expect_values(eval("ravel(x)", iota({2, 2})), {4}, {0, 1, 2, 3});
  expect_values(eval("ravel(x)", test::tensor({}, {3})), {1}, {3});
  expect_values(test::eval_batched("ravel(x)", iota({3, 2})), {6}, {0, 1, 2, 3, 4, 5});
}

TEST_CASE("flatten needs a batch axis and something to flatten", "[flatten][shape][errors]") {
  Error e = test::compile_error("flatten(x)", {{"x", DType::Float32, {4}}});
  CHECK(e.kind() == ErrorKind::Shape);
  test::expect_error(e, "flatten() keeps the batch axis, so it needs rank 2 or more; got shape (4,)", 1, 1);
}
