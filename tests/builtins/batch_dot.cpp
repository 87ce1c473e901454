// batch_dot(x, y, axes): keras.backend.batch_dot.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("batch_dot follows the Keras documentation examples", "[batch_dot]") {
  // (32, 20) . (32, 20) with axes=1 -> (32, 1)
  CHECK(eval("lambda x, y: batch_dot(x, y, axes=1)", iota({32, 20}), iota({32, 20})).dims() == Dims{32, 1});
  // (32, 20, 1) . (32, 30, 20) with axes=(1, 2) -> (32, 1, 30)
  CHECK(eval("lambda x, y: batch_dot(x, y, axes=(1, 2))", iota({32, 20, 1}), iota({32, 30, 20})).dims() ==
        Dims{32, 1, 30});
}

TEST_CASE("batch_dot of two matrices is a per-row inner product of shape (batch, 1)", "[batch_dot]") {
  Tensor x = iota({2, 3}), y = test::tensor({2, 3}, {1, 2, 3, 4, 5, 6});
  expect_values(eval("lambda x, y: batch_dot(x, y)", x, y), {2, 1}, {8, 62});
  expect_values(eval("lambda x, y: batch_dot(x, y, axes=1)", x, y), {2, 1}, {8, 62});
}

TEST_CASE("batch_dot values per batch element", "[batch_dot]") {
  // out[b, i, j] = sum_k x[b, k, i] * y[b, j, k]
  expect_values(eval("lambda x, y: batch_dot(x, y, axes=(1, 2))", iota({2, 3, 1}), iota({2, 2, 3})), {2, 1, 2},
                {5, 14, 86, 122});
  // Default axes: x's last with y's second-to-last (y's last when y is 2-D).
  expect_values(eval("lambda x, y: batch_dot(x, y)", iota({2, 2, 3}), iota({2, 3})), {2, 2}, {5, 14, 86, 122});
  expect_values(eval("lambda x, y: batch_dot(x, y)", iota({2, 3}), iota({2, 3, 2})), {2, 2}, {10, 13, 100, 112});
  // Negative axes count from the end.
  expect_values(eval("lambda x, y: batch_dot(x, y, axes=(-2, -1))", iota({2, 3, 1}), iota({2, 2, 3})), {2, 1, 2},
                {5, 14, 86, 122});
}

TEST_CASE("batch_dot of higher ranks keeps x's then y's other axes", "[batch_dot]") {
  Tensor r = eval("lambda x, y: batch_dot(x, y)", iota({2, 3, 2, 2}), iota({2, 2, 3}));
  expect_values(r, {2, 3, 2, 3},
                {3,   4,   5,   9,   14,  19,  15,  24,  33,  21,  34,  47,  27,  44,  61,  33,  54,  75,
                 189, 214, 239, 219, 248, 277, 249, 282, 315, 279, 316, 353, 309, 350, 391, 339, 384, 429});
}

TEST_CASE("batch_dot with a batch known only at run time", "[batch_dot]") {
  auto f = Lambda::compile("lambda x, y: batch_dot(x, y, axes=(1, 2))",
                           {{"x", DType::Float32, {std::nullopt, 3, 1}}, {"y", DType::Float32, {std::nullopt, 2, 3}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 1, 2)"});
  expect_values(f.run({iota({2, 3, 1}), iota({2, 2, 3})})[0], {2, 1, 2}, {5, 14, 86, 122});
  expect_values(f.run({iota({1, 3, 1}), iota({1, 2, 3})})[0], {1, 1, 2}, {5, 14});
}

TEST_CASE("batch_dot reports bad ranks, axes and sizes", "[batch_dot][errors]") {
  using Sigs = std::vector<InputSignature>;
  Error rank = test::compile_error("lambda x, y: batch_dot(x, y)", Sigs{{"x", DType::Float32, {3}}, {"y", DType::Float32, {3}}});
  test::expect_error(rank, "(3,) and (3,)", 1, 14);

  Sigs s = {{"x", DType::Float32, {2, 3}}, {"y", DType::Float32, {2, 4}}};
  Error size = test::compile_error("lambda x, y: batch_dot(x, y)", s);
  test::expect_error(size, "(2, 3) and (2, 4)", 1, 14);
  CHECK(size.kind() == ErrorKind::Shape);

  Error batch = test::compile_error("lambda x, y: batch_dot(x, y)",
                                    Sigs{{"x", DType::Float32, {2, 3}}, {"y", DType::Float32, {5, 3}}});
  test::expect_error(batch, "different batch sizes (2 and 5)", 1, 14);

  Error axis0 = test::compile_error("lambda x, y: batch_dot(x, y, axes=0)", s);
  test::expect_error(axis0, "axis 0", 1, 35);
  CHECK_THAT(axis0.hint(), Catch::Contains("expand_dims"));

  Error range = test::compile_error("lambda x, y: batch_dot(x, y, axes=(1, 5))", s);
  CHECK(range.kind() == ErrorKind::Axis);
  test::expect_error(range, "axis 5 is out of range", 1, 35);

  Error nested = test::compile_error("lambda x, y: batch_dot(x, y, axes=([1], [1]))", s);
  test::expect_error(nested, "pair of integers", 1, 35);
}
