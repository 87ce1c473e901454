// argmax / argmin: int32 indices, the first index among ties, NaN counts as
// the extreme (NumPy), axis None flattens, keepdims.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("argmax and argmin along an axis give int32", "[argmax]") {
  Tensor x = tensor({2, 3}, {1, 5, 3, 9, 2, 4});
  Tensor a = eval("argmax(x, axis=1)", x);
  CHECK(a.dtype() == DType::Int32);
  expect_values(a, {2}, {1, 0});
  expect_values(eval("argmax(x, axis=0)", x), {3}, {1, 0, 1});
  expect_values(eval("argmin(x, axis=-1)", x), {2}, {0, 1});
  expect_values(eval("argmin(x, 0)", x), {3}, {0, 1, 0});
}

TEST_CASE("argmax and argmin without an axis index the flattened tensor", "[argmax]") {
  Tensor x = tensor({2, 3}, {1, 5, 3, 9, 2, 4});
  expect_values(eval("argmax(x)", x), {}, {3});
  expect_values(eval("argmin(x)", x), {}, {0});
  expect_values(eval("argmax(x, keepdims=True)", x), {1, 1}, {3});
  expect_values(eval("argmax(x)", tensor({}, {7})), {}, {0});
}

TEST_CASE("ties go to the first index", "[argmax]") {
  Tensor x = tensor({2, 4}, {2, 7, 7, 1, 3, 3, 3, 3});
  expect_values(eval("argmax(x, axis=1)", x), {2}, {1, 0});
  expect_values(eval("argmin(x, axis=1)", x), {2}, {3, 0});
  expect_values(eval("argmax(x, axis=1)", tensor({1, 3}, {-INFINITY, -INFINITY, -INFINITY})), {1}, {0});
}

TEST_CASE("NaN wins argmax and argmin, as in NumPy", "[argmax]") {
  Tensor x = tensor({2, 3}, {1, NAN, 3, 5, 4, NAN});
  expect_values(eval("argmax(x, axis=1)", x), {2}, {1, 2});
  expect_values(eval("argmin(x, axis=1)", x), {2}, {1, 2});
}

TEST_CASE("argmax of ints and bools", "[argmax]") {
  expect_values(eval("argmax(x, axis=0)", tensor({3}, {-5, 8, 8}, DType::Int32)), {}, {1});
  expect_values(eval("argmax(x)", tensor({4}, {0, 0, 1, 1}, DType::Bool)), {}, {2});
  expect_values(eval("argmin(x > 0)", tensor({3}, {1, -1, 2})), {}, {1});
}

TEST_CASE("argmax keeps a batch axis known only at run time", "[argmax]") {
  CHECK(test::output_types("argmax(x, axis=-1)", {{"x", DType::Float32, {std::nullopt, 4}}}) ==
        std::vector<std::string>{"int32(None,)"});
  expect_values(test::eval_batched("argmax(x, axis=-1)", tensor({3, 2}, {1, 2, 4, 3, 5, 5})), {3}, {1, 0, 0});
  expect_values(test::eval_batched("argmax(x)", tensor({3, 2}, {1, 2, 4, 3, 5, 5})), {}, {4});
}

TEST_CASE("argmax's axis must be one integer in range", "[argmax][errors]") {
  Error e = test::compile_error("argmax(x, axis=5)", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Axis);
  test::expect_error(e, "axis 5 is out of range for a tensor of rank 2", 1, 16);
}
