// dot(x1, x2): NumPy dot (= K.dot).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;
using test::tensor;

TEST_CASE("dot of scalars multiplies", "[dot]") {
  expect_values(eval("dot(x, 3)", iota({2, 2})), {2, 2}, {0, 3, 6, 9});
  expect_values(eval("dot(2.5, x)", iota({2})), {2}, {0, 2.5});
}

TEST_CASE("dot of vectors is the inner product", "[dot]") {
  Tensor v = tensor({3}, {1, 2, 3});
  expect_values(eval("lambda x, y: dot(x, y)", v, tensor({3}, {4, 5, 6})), {}, {32});
}

TEST_CASE("dot of an N-D tensor and a vector sums the last axis", "[dot]") {
  Tensor v = tensor({3}, {1, 2, 3});
  expect_values(eval("lambda x, y: dot(x, y)", iota({2, 3}), v), {2}, {8, 26});
  // A vector on the left sums against the second-to-last axis.
  expect_values(eval("lambda x, y: dot(y, x)", iota({2, 3, 2}), v), {2, 2}, {16, 22, 52, 58});
}

TEST_CASE("dot of N-D and M-D sums x's last axis with y's second-to-last", "[dot]") {
  expect_values(eval("lambda x, y: dot(x, y)", iota({4, 2}), iota({2, 3})), {4, 3},
                {3, 4, 5, 9, 14, 19, 15, 24, 33, 21, 34, 47});
  // (2, 3) . (2, 3, 2) -> (2, 2, 2): x.shape[:-1] + y.shape[:-2] + y.shape[-1:]
  expect_values(eval("lambda x, y: dot(x, y)", iota({2, 3}), iota({2, 3, 2})), {2, 2, 2},
                {10, 13, 28, 31, 28, 40, 100, 112});
  Tensor big = eval("lambda x, y: dot(x, y)", iota({2, 3}), iota({4, 3, 5}));
  REQUIRE(big.dims() == Dims{2, 4, 5});
  CHECK(big.get_f64(1 * 5) == 70);             // [0, 1, 0]
  CHECK(big.get_f64(1 * 20 + 3 * 5 + 4) == 658);  // [1, 3, 4]
}

TEST_CASE("dot with a batch dimension known only at run time", "[dot]") {
  auto f = Lambda::compile("lambda x, y: dot(x, y)",
                           {{"x", DType::Float32, {std::nullopt, 2, 3}}, {"y", DType::Float32, {2, 3, 2}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 2, 2, 2)"});
  expect_values(f.run({iota({2, 2, 3}), iota({2, 3, 2})})[0], {2, 2, 2, 2},
                {10, 13, 28, 31, 28, 40, 100, 112, 46, 67, 172, 193, 64, 94, 244, 274});

  auto g = Lambda::compile("lambda x, w: dot(x, w)", {{"x", DType::Float32, {std::nullopt, 2}}, {"w", DType::Float32, {2, 3}}});
  expect_values(g.run({iota({1, 2}), iota({2, 3})})[0], {1, 3}, {3, 4, 5});
}

TEST_CASE("dot promotes integer operands", "[dot]") {
  Tensor r = eval("lambda x, y: dot(x, y)", iota({2, 3}, DType::Int32), tensor({3}, {1, 2, 3}, DType::Int64));
  CHECK(r.dtype() == DType::Int64);
  expect_values(r, {2}, {8, 26});
}

TEST_CASE("dot over an empty axis gives zeros", "[dot]") {
  expect_values(eval("lambda x, y: dot(x, y)", iota({2, 0}), iota({0, 2})), {2, 2}, {0, 0, 0, 0});
}

TEST_CASE("dot reports unaligned shapes", "[dot][errors]") {
  Error e = test::compile_error("lambda x, y: dot(x, y)", {{"x", DType::Float32, {2, 3}}, {"y", DType::Float32, {4, 2, 5}}});
  test::expect_error(e, "(2, 3) and (4, 2, 5)", 1, 14);
  CHECK(e.kind() == ErrorKind::Shape);
  Error v = test::compile_error("lambda x, y:\n dot(x, y)", {{"x", DType::Float32, {3}}, {"y", DType::Float32, {2}}});
  test::expect_error(v, "(3,) and (2,)", 2, 2);
}
