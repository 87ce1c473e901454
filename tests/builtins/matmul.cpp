// matmul(x1, x2) and the `@` operator: NumPy matmul.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;
using test::tensor;

TEST_CASE("matmul multiplies matrices", "[matmul]") {
  Tensor x = iota({2, 3}), y = iota({3, 2});
  // [[0,1,2],[3,4,5]] @ [[0,1],[2,3],[4,5]]
  expect_values(eval("lambda x, y: matmul(x, y)", x, y), {2, 2}, {10, 13, 28, 40});
  expect_values(eval("lambda x, y: x @ y", x, y), {2, 2}, {10, 13, 28, 40});
}

TEST_CASE("matmul promotes 1-D operands and drops the added axis", "[matmul]") {
  Tensor v = tensor({3}, {1, 2, 3});
  expect_values(eval("lambda x, y: x @ y", v, iota({3, 2})), {2}, {16, 22});
  expect_values(eval("lambda x, y: x @ y", iota({2, 3}), v), {2}, {8, 26});
  expect_values(eval("lambda x, y: x @ y", v, v), {}, {14});
  // A 1-D right operand against a batch of matrices.
  expect_values(eval("lambda x, y: x @ y", iota({2, 2, 3}), v), {2, 2}, {8, 26, 44, 62});
}

TEST_CASE("matmul broadcasts batch dimensions", "[matmul]") {
  expect_values(eval("lambda x, y: x @ y", iota({2, 2, 3}), iota({3, 1})), {2, 2, 1}, {5, 14, 23, 32});
  expect_values(eval("lambda x, y: x @ y", iota({1, 2, 3}), iota({2, 3, 2})), {2, 2, 2},
                {10, 13, 28, 40, 28, 31, 100, 112});
}

TEST_CASE("matmul promotes dtypes and keeps integers", "[matmul]") {
  Tensor xi = iota({2, 3}, DType::Int32), yf = iota({3, 2});
  Tensor mixed = eval("lambda x, y: x @ y", xi, yf);
  CHECK(mixed.dtype() == DType::Float32);
  expect_values(mixed, {2, 2}, {10, 13, 28, 40});
  Tensor ints = eval("lambda x, y: x @ y", xi, iota({3, 2}, DType::Int32));
  CHECK(ints.dtype() == DType::Int32);
  expect_values(ints, {2, 2}, {10, 13, 28, 40});
}

TEST_CASE("matmul of bools is a logical product", "[matmul]") {
  Tensor a = tensor({2, 2}, {1, 0, 0, 1}, DType::Bool), b = tensor({2, 2}, {0, 1, 0, 0}, DType::Bool);
  Tensor r = eval("lambda x, y: x @ y", a, b);
  CHECK(r.dtype() == DType::Bool);
  expect_values(r, {2, 2}, {0, 1, 0, 0});
}

TEST_CASE("matmul with a batch dimension known only at run time", "[matmul]") {
  auto f = Lambda::compile("lambda x, w: x @ w", {{"x", DType::Float32, {std::nullopt, 3}}, {"w", DType::Float32, {3, 2}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 2)"});
  Tensor w = tensor({3, 2}, {1, 0, 0, 1, 1, 1});
  expect_values(f.run({iota({4, 3}), w})[0], {4, 2}, {2, 3, 8, 9, 14, 15, 20, 21});
  expect_values(f.run({iota({1, 3}), w})[0], {1, 2}, {2, 3});
}

TEST_CASE("matmul over empty dimensions", "[matmul]") {
  expect_values(eval("lambda x, y: x @ y", iota({2, 0}), iota({0, 3})), {2, 3}, {0, 0, 0, 0, 0, 0});
  expect_values(eval("lambda x, y: x @ y", iota({0, 3}), iota({3, 2})), {0, 2}, {});
}

TEST_CASE("matmul reports operands that do not fit", "[matmul][errors]") {
  auto sigs = std::vector<InputSignature>{{"x", DType::Float32, {2, 3}}, {"y", DType::Float32, {4, 5}}};
  Error e = test::compile_error("lambda x, y:\n  z = x @ y\n  return z", sigs);
  test::expect_error(e, "(2, 3)", 2, 7);
  CHECK_THAT(e.message(), Catch::Contains("(4, 5)"));
  CHECK(e.kind() == ErrorKind::Shape);

  Error call = test::compile_error("lambda x, y: matmul(y, x)", sigs);
  test::expect_error(call, "(4, 5) and (2, 3)", 1, 14);

  Error vec = test::compile_error("lambda x, y: x @ y", {{"x", DType::Float32, {3}}, {"y", DType::Float32, {4}}});
  test::expect_error(vec, "(3,) and (4,)", 1, 14);
}

TEST_CASE("matmul rejects scalars and unbroadcastable batches", "[matmul][errors]") {
  Error scalar = test::compile_error("matmul(x, 2.0)", {2, 2});
  test::expect_error(scalar, "scalar", 1, 1);
  CHECK_THAT(scalar.hint(), Catch::Contains("*"));

  Error batch = test::compile_error(
      "lambda x, y: x @ y", {{"x", DType::Float32, {2, 2, 3}}, {"y", DType::Float32, {5, 3, 2}}});
  test::expect_error(batch, "(2, 2, 3)", 1, 14);
  CHECK_THAT(batch.message(), Catch::Contains("(5, 3, 2)"));
}
