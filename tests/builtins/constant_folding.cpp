// Arithmetic on Python scalars is done at compile time with Python's rules
// (ints stay ints, / gives a float, ** of ints is exact), and an integer result
// beyond 64 bits is an error rather than a silent wrap-around.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("integer constant arithmetic is exact, negative operands included", "[constant_folding]") {
  expect_values(eval("lambda: 7 * -1"), {}, {-7});
  expect_values(eval("lambda: 3 - 10"), {}, {-7});
  expect_values(eval("lambda: -7 + 2"), {}, {-5});
  expect_values(eval("lambda: 7 // -1"), {}, {-7});
  expect_values(eval("lambda: 7 % -1"), {}, {0});
  expect_values(eval("lambda: (-3) ** 3"), {}, {-27});
  expect_values(eval("lambda: 0 ** 0"), {}, {1});
  expect_values(eval("lambda: (-1) ** 1001"), {}, {-1});
  expect_values(eval("lambda: 1 ** 100000"), {}, {1});
  Tensor big = eval("lambda: 2 ** 62 + (2 ** 62 - 1)");
  CHECK(big.dtype() == DType::Int64);
  CHECK(big.get_i64(0) == 9223372036854775807);
}

TEST_CASE("folded constants combine with tensors as weak scalars", "[constant_folding]") {
  expect_values(eval("x + 7 * -1", tensor({2}, {0, 1})), {2}, {-7, -6});
  expect_values(eval("x * 2 ** 10", tensor({1}, {0.5})), {1}, {512});
  expect_values(eval("x * (1 / 4)", tensor({1}, {2}, DType::Int32)), {1}, {0.5});
}

TEST_CASE("an integer constant expression beyond 64 bits is an error", "[constant_folding][errors]") {
  for (const char* src : {"x * 2 ** 64", "x * 3 ** 50", "x + (2 ** 62 + 2 ** 62)", "x + (9223372036854775807 + 1)",
                          "x * (2 ** 40 * 2 ** 40)"}) {
    INFO(src);
    Error e = test::compile_error(src, {std::nullopt, 4});
    CHECK(e.kind() == ErrorKind::Value);
    test::expect_error(e, "this integer constant expression overflows 64 bits", 1, 5);
    CHECK_THAT(e.hint(), Catch::Contains("2.0 ** 64"));
  }
  // The float spelling works: 2.0 ** 64 = 1.8446744e19.
  expect_values(eval("x * 2.0 ** 64", tensor({1}, {1})), {1}, {1.8446744e19});
}
