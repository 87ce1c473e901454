// `//` and `%` (and floor_divide / mod / floormod / remainder) follow Python's
// floor semantics: the quotient rounds toward -inf and the remainder takes the
// divisor's sign. Expected values from NumPy.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor ints() { return tensor({8}, {-7, -6, -1, 0, 1, 5, 6, 7}, DType::Int32); }
Tensor floats() { return tensor({6}, {-3.5, -2.5, -0.5, 0.5, 2.5, 3.5}); }
}  // namespace

TEST_CASE("integer // and % round toward -inf", "[operators][floor_divide]") {
  Tensor q = eval("x // 3", ints());
  CHECK(q.dtype() == DType::Int32);
  expect_values(q, {8}, {-3, -2, -1, 0, 0, 1, 2, 2});
  expect_values(eval("x % 3", ints()), {8}, {2, 0, 2, 0, 1, 2, 0, 1});
  expect_values(eval("x // -3", ints()), {8}, {2, 2, 0, 0, -1, -2, -2, -3});
  expect_values(eval("x % -3", ints()), {8}, {-1, 0, -1, 0, -2, -1, 0, -2});
}

TEST_CASE("float // and % round toward -inf", "[operators][floor_divide]") {
  Tensor q = eval("x // 2", floats());
  CHECK(q.dtype() == DType::Float32);
  expect_values(q, {6}, {-2, -2, -1, 0, 1, 1});
  expect_values(eval("x % 2", floats()), {6}, {0.5, 1.5, 1.5, 0.5, 0.5, 1.5});
  expect_values(eval("x // -2", floats()), {6}, {1, 1, 0, -1, -2, -2});
  expect_values(eval("x % -2", floats()), {6}, {-1.5, -0.5, -0.5, -1.5, -1.5, -0.5});
}

TEST_CASE("floor_divide, mod and their aliases match the operators", "[floor_divide]") {
  expect_values(eval("floor_divide(x, -3)", ints()), {8}, {2, 2, 0, 0, -1, -2, -2, -3});
  for (const char* f : {"mod(x, -3)", "floormod(x, -3)", "remainder(x, -3)"}) {
    INFO(f);
    expect_values(eval(f, ints()), {8}, {-1, 0, -1, 0, -2, -1, 0, -2});
  }
  // A tensor divisor, broadcast along the rows.
  Tensor x = tensor({2, 2}, {7, -7, 7, -7}, DType::Int32), d = tensor({2}, {2, -2}, DType::Int32);
  expect_values(eval("lambda x, y: x // y", x, d), {2, 2}, {3, 3, 3, 3});
  expect_values(eval("lambda x, y: x % y", x, d), {2, 2}, {1, -1, 1, -1});
}

TEST_CASE("a Python float divisor makes an int tensor float32", "[operators][floor_divide]") {
  Tensor q = eval("x // 2.0", ints());
  CHECK(q.dtype() == DType::Float32);
  expect_values(q, {8}, {-4, -3, -1, 0, 0, 2, 3, 3});
  Tensor r = eval("x % 2.5", ints());
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {8}, {0.5, 1.5, 1.5, 0, 1, 0, 1, 2});
}

TEST_CASE("float division by zero follows NumPy", "[operators][floor_divide]") {
  // np.float32([0, 1, -1]) // 0.0 = [nan, inf, -inf]; % 0.0 = nan
  expect_values(eval("x // 0.0", tensor({3}, {0, 1, -1})), {3}, {NAN, INFINITY, -INFINITY});
  expect_values(eval("x % 0.0", tensor({2}, {0, 1})), {2}, {NAN, NAN});
}

TEST_CASE("// and % on Python scalars fold with Python semantics", "[operators][floor_divide]") {
  expect_values(eval("lambda: -7 // 2"), {}, {-4});
  expect_values(eval("lambda: -7 % 2"), {}, {1});
  expect_values(eval("lambda: 7 % -2"), {}, {-1});
  expect_values(eval("lambda: -7.5 // 2"), {}, {-4});
  expect_values(eval("lambda: -7.5 % 2"), {}, {0.5});
  CHECK(eval("lambda: -7 // 2").dtype() == DType::Int32);
}

TEST_CASE("constant division by zero is an error at the expression", "[operators][floor_divide][errors]") {
  for (const char* src : {"x + 1 // 0", "x + 1 % 0", "x + 1 / 0", "x + 1.5 // 0.0"}) {
    INFO(src);
    test::expect_error(test::compile_error(src, {std::nullopt, 4}), "division by zero in a constant expression", 1, 5);
  }
}
