// add, subtract, multiply, divide/true_divide, power/pow, maximum, minimum and
// arctan2/atan2: NumPy broadcasting, weak Python scalars, NaN propagation.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;
using test::tensor;

TEST_CASE("add, subtract, multiply and divide broadcast like NumPy", "[elementwise][arithmetic]") {
  Tensor x = iota({2, 3}), row = tensor({3}, {1, 2, 4}), col = tensor({2, 1}, {10, 20});
  expect_values(eval("lambda x, y: add(x, y)", x, row), {2, 3}, {1, 3, 6, 4, 6, 9});
  expect_values(eval("lambda x, y: subtract(x, y)", x, col), {2, 3}, {-10, -9, -8, -17, -16, -15});
  expect_values(eval("lambda x, y: multiply(x, y)", x, row), {2, 3}, {0, 2, 8, 3, 8, 20});
  expect_values(eval("lambda x, y: divide(x, y)", x, row), {2, 3}, {0, 0.5, 0.5, 3, 2, 1.25});
  // (2, 1) with (3,) gives (2, 3).
  expect_values(eval("lambda x, y: add(x, y)", col, row), {2, 3}, {11, 12, 14, 21, 22, 24});
}

TEST_CASE("divide and true_divide of ints give float32", "[elementwise][arithmetic]") {
  Tensor a = tensor({3}, {7, -7, 1}, DType::Int32), b = tensor({3}, {2, 2, 0}, DType::Int32);
  for (const char* f : {"lambda x, y: divide(x, y)", "lambda x, y: true_divide(x, y)", "lambda x, y: x / y"}) {
    INFO(f);
    Tensor r = eval(f, a, b);
    CHECK(r.dtype() == DType::Float32);
    expect_values(r, {3}, {3.5, -3.5, INFINITY});
  }
}

TEST_CASE("shapes that cannot broadcast are an error naming both shapes", "[elementwise][arithmetic][errors]") {
  Error e = test::compile_error("lambda x, y: add(x, y)",
                                {{"x", DType::Float32, {std::nullopt, 3}}, {"y", DType::Float32, {4}}});
  CHECK(e.kind() == ErrorKind::Shape);
  test::expect_error(e, "shapes (None, 3) and (4,) cannot be broadcast", 1, 14);
}

TEST_CASE("power and pow follow NumPy", "[elementwise][arithmetic]") {
  Tensor x = tensor({3}, {2, 4, -8});
  for (const char* f : {"power(x, 2)", "pow(x, 2)", "x ** 2"}) {
    INFO(f);
    expect_values(eval(f, x), {3}, {4, 16, 64});
  }
  // np.power(np.float32([2, 4, -8]), [0.5, -1, 1/3]): a negative base to a fractional power is nan.
  expect_values(eval("lambda x, y: power(x, y)", x, tensor({3}, {0.5, -1, 1.0 / 3})), {3}, {1.4142135, 0.25, NAN});
  expect_values(eval("pow(2, x)", tensor({3}, {-1, 0, 10})), {3}, {0.5, 1, 1024});
  Tensor i = eval("x ** 3", tensor({2}, {-2, 5}, DType::Int32));
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {2}, {-8, 125});
}

TEST_CASE("an int tensor to a negative Python int power is an error", "[elementwise][arithmetic][errors]") {
  Error e = test::compile_error("lambda x: x ** -1", {{"x", DType::Int32, {std::nullopt, 4}}});
  CHECK(e.kind() == ErrorKind::Value);
  test::expect_error(e, "integers to negative integer powers are not allowed", 1, 11);
  CHECK_THAT(e.hint(), Catch::Contains("cast"));
  // A float exponent is fine: np.int32(2) ** -1.0 = 0.5.
  expect_values(eval("x ** -1.0", tensor({1}, {2}, DType::Int32)), {1}, {0.5});
}

TEST_CASE("maximum and minimum propagate NaN and keep the dtype", "[elementwise][arithmetic]") {
  Tensor x = tensor({4}, {-1, 2, NAN, -INFINITY});
  expect_values(eval("maximum(x, 0)", x), {4}, {0, 2, NAN, 0});
  expect_values(eval("minimum(x, 0)", x), {4}, {-1, 0, NAN, -INFINITY});
  expect_values(eval("maximum(0, x)", x), {4}, {0, 2, NAN, 0});
  Tensor i = eval("maximum(x, 1)", tensor({3}, {-4, 0, 9}, DType::Int32));
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {3}, {1, 1, 9});
  Tensor f = eval("minimum(x, 0.5)", tensor({3}, {-4, 0, 9}, DType::Int32));
  CHECK(f.dtype() == DType::Float32);
  expect_values(f, {3}, {-4, 0, 0.5});
}

TEST_CASE("maximum and minimum of bools are or and and", "[elementwise][arithmetic]") {
  Tensor a = tensor({4}, {0, 0, 1, 1}, DType::Bool), b = tensor({4}, {0, 1, 0, 1}, DType::Bool);
  Tensor mx = eval("lambda x, y: maximum(x, y)", a, b);
  CHECK(mx.dtype() == DType::Bool);
  expect_values(mx, {4}, {0, 1, 1, 1});
  expect_values(eval("lambda x, y: minimum(x, y)", a, b), {4}, {0, 0, 0, 1});
}

TEST_CASE("arctan2 and atan2 give the angle in the right quadrant", "[elementwise][arithmetic]") {
  // np.arctan2([1, -1, 0, 1], [1, 1, -1, 0])
  Tensor num = tensor({4}, {1, -1, 0, 1}), den = tensor({4}, {1, 1, -1, 0});
  for (const char* f : {"lambda x, y: arctan2(x, y)", "lambda x, y: atan2(x, y)"})
    expect_values(eval(f, num, den), {4}, {0.7853981, -0.7853981, 3.1415927, 1.5707964});
  Tensor i = eval("atan2(x, 1)", tensor({1}, {1}, DType::Int32));
  CHECK(i.dtype() == DType::Float32);
  expect_values(i, {1}, {0.7853981});
}

TEST_CASE("binary builtins reject values that are not tensors or numbers", "[elementwise][arithmetic][errors]") {
  test::expect_error(test::compile_error("maximum(x, None)", {std::nullopt, 4}), "maximum() cannot take None", 1, 12);
  test::expect_error(test::compile_error("add(x, \"one\")", {std::nullopt, 4}),
                     "operator '+' cannot take the string 'one'", 1, 8);
  test::expect_error(test::compile_error("multiply(x)", {std::nullopt, 4}), "multiply() is missing its argument 'x2'", 1, 1);
}
