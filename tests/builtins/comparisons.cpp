// equal, not_equal, greater, greater_equal, less, less_equal and the
// comparison operators: bool results, broadcasting, NaN compares unequal,
// Python chains `a < x < b`.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor values() { return tensor({5}, {-1, 0, 1, 2, NAN}); }
}  // namespace

TEST_CASE("comparison builtins give bool", "[comparisons]") {
  Tensor r = eval("equal(x, 1)", values());
  CHECK(r.dtype() == DType::Bool);
  expect_values(r, {5}, {0, 0, 1, 0, 0});
  expect_values(eval("not_equal(x, 1)", values()), {5}, {1, 1, 0, 1, 1});
  expect_values(eval("greater(x, 0)", values()), {5}, {0, 0, 1, 1, 0});
  expect_values(eval("greater_equal(x, 0)", values()), {5}, {0, 1, 1, 1, 0});
  expect_values(eval("less(x, 1)", values()), {5}, {1, 1, 0, 0, 0});
  expect_values(eval("less_equal(x, 1)", values()), {5}, {1, 1, 1, 0, 0});
}

TEST_CASE("comparison operators match the builtins", "[comparisons][operators]") {
  expect_values(eval("x == 1", values()), {5}, {0, 0, 1, 0, 0});
  expect_values(eval("x != 1", values()), {5}, {1, 1, 0, 1, 1});
  expect_values(eval("x > 0", values()), {5}, {0, 0, 1, 1, 0});
  expect_values(eval("x >= 0", values()), {5}, {0, 1, 1, 1, 0});
  expect_values(eval("x < 1", values()), {5}, {1, 1, 0, 0, 0});
  expect_values(eval("x <= 1", values()), {5}, {1, 1, 1, 0, 0});
  // NaN is unequal to everything, itself included.
  expect_values(eval("x != x", values()), {5}, {0, 0, 0, 0, 1});
}

TEST_CASE("comparisons broadcast and promote", "[comparisons]") {
  Tensor a = tensor({2, 1}, {1, 3}, DType::Int32), b = tensor({3}, {0.5, 1, 3.5});
  Tensor r = eval("lambda x, y: greater(x, y)", a, b);
  CHECK(r.dtype() == DType::Bool);
  expect_values(r, {2, 3}, {1, 0, 0, 1, 1, 0});
  // An int tensor against a Python float compares exactly: 1 < 1.5.
  expect_values(eval("x < 1.5", tensor({2}, {1, 2}, DType::Int32)), {2}, {1, 0});
}

TEST_CASE("a comparison chain is the and of its links", "[comparisons][operators]") {
  expect_values(eval("0 <= x < 2", values()), {5}, {0, 1, 1, 0, 0});
  expect_values(eval("-1 < x <= 1 != x", tensor({4}, {-1, 0, 1, 2})), {4}, {0, 1, 0, 0});
}

TEST_CASE("comparisons of Python scalars fold to Python bools", "[comparisons][operators]") {
  // A folded comparison picks a branch at compile time.
  expect_values(eval("x if 2 > 1 else -x", tensor({1}, {3})), {1}, {3});
  expect_values(eval("x if 1 == 1.0 else -x", tensor({1}, {3})), {1}, {3});
  Tensor r = eval("lambda: 3 >= 4");
  CHECK(r.dtype() == DType::Bool);
  expect_values(r, {}, {0});
}
