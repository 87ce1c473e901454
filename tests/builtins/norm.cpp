// norm(x, ord=None, axis=None, keepdims=False): the vector norm over every
// reduced axis, ord 1, 2 (also "fro" / "euclidean") or inf.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor y() { return tensor({3, 4}, {3, -1, 4, 1, 5, 9, -2, 6, 5, 3, 5, -8}); }
}  // namespace

TEST_CASE("norm defaults to the 2-norm over everything", "[norm]") {
  expect_values(eval("norm(x)", y()), {}, {17.204651});
  expect_values(eval("norm(x, ord=2)", y()), {}, {17.204651});
  expect_values(eval("norm(x, ord=\"fro\")", y()), {}, {17.204651});
  expect_values(eval("norm(x, ord=\"euclidean\", axis=(0, 1))", y()), {}, {17.204651});
  expect_values(eval("norm(x, axis=1)", y()), {3}, {5.1961524, 12.083046, 11.090537});
}

TEST_CASE("norm with ord 1 and inf", "[norm]") {
  expect_values(eval("norm(x, ord=1, axis=0)", y()), {4}, {13, 13, 11, 15});
  expect_values(eval("norm(x, 1, 1)", y()), {3}, {9, 22, 21});
  expect_values(eval("norm(x, ord=inf, axis=1)", y()), {3}, {4, 9, 8});
  expect_values(eval("norm(x, ord=inf)", y()), {}, {9});
  expect_values(eval("norm(x, ord=inf, axis=-1, keepdims=True)", y()), {3, 1}, {4, 9, 8});
}

TEST_CASE("norm of a zero vector is 0 and NaN propagates", "[norm]") {
  expect_values(eval("norm(x, axis=1)", tensor({2, 2}, {0, 0, NAN, 1})), {2}, {0, NAN});
  expect_values(eval("norm(x, ord=inf, axis=1)", tensor({1, 2}, {-INFINITY, 1})), {1}, {INFINITY});
}

TEST_CASE("norm of ints is float32", "[norm]") {
  Tensor r = eval("norm(x)", tensor({2}, {3, -4}, DType::Int32));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {}, {5});
}

TEST_CASE("norm supports only ord 1, 2 and inf", "[norm][errors]") {
  for (const char* src : {"norm(x, ord=3)", "norm(x, ord=0)", "norm(x, ord=-inf)"}) {
    INFO(src);
    Error e = test::compile_error(src, {std::nullopt, 4});
    CHECK(e.kind() == ErrorKind::Value);
    test::expect_error(e, "norm() supports ord=1, 2 or inf", 1, 13);
    CHECK_THAT(e.hint(), Catch::Contains("sum(abs(x) ** p) ** (1 / p)"));
  }
  test::expect_error(test::compile_error("norm(x, ord=\"nuc\")", {std::nullopt, 4}),
                     "argument 'ord' of norm() must be a number, but it is the string 'nuc'", 1, 13);
}
