// where(condition, x1, x2): NumPy broadcasting of all three, the branches'
// promoted dtype (weak Python scalars), numbers as conditions.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("where picks elementwise and broadcasts all three operands", "[where]") {
  Tensor c = tensor({2, 1}, {1, 0}, DType::Bool), a = tensor({3}, {1, 2, 3});
  expect_values(eval("lambda x, y: where(x, y, -1)", c, a), {2, 3}, {1, 2, 3, -1, -1, -1});
  expect_values(eval("where(x > 1, x, 0)", tensor({4}, {0, 1, 2, 3})), {4}, {0, 0, 2, 3});
}

TEST_CASE("where's dtype is the branches' promotion with weak Python scalars", "[where]") {
  Tensor i = tensor({3}, {-1, 0, 2}, DType::Int32);
  Tensor ints = eval("where(x > 0, x, 0)", i);
  CHECK(ints.dtype() == DType::Int32);
  expect_values(ints, {3}, {0, 0, 2});
  Tensor floats = eval("where(x > 0, x, 0.5)", i);
  CHECK(floats.dtype() == DType::Float32);
  expect_values(floats, {3}, {0.5, 0.5, 2});
  Tensor scalars = eval("where(x > 0, 1, 2)", i);
  CHECK(scalars.dtype() == DType::Int32);
  expect_values(scalars, {3}, {2, 2, 1});
  CHECK(eval("where(x > 0, 1.0, 2)", i).dtype() == DType::Float32);
  Tensor d = tensor({1}, {1}, DType::Float64);
  CHECK(eval("where(x > 0, x, 0.5)", d).dtype() == DType::Float64);
}

TEST_CASE("where takes the truth value of a numeric condition", "[where]") {
  expect_values(eval("where(x, 1, 0)", tensor({4}, {0, -2, NAN, 0.5})), {4}, {0, 1, 1, 1});
}

TEST_CASE("where keeps NaN in the branch it picks", "[where]") {
  expect_values(eval("where(x > 0, x, 0)", tensor({2}, {NAN, 1})), {2}, {0, 1});
  expect_values(eval("where(x < 2, x, 0)", tensor({2}, {NAN, 1})), {2}, {0, 1});
  expect_values(eval("where(isnan(x), x, 7)", tensor({2}, {NAN, 1})), {2}, {NAN, 7});
}

TEST_CASE("where needs three arguments", "[where][errors]") {
  for (const char* src : {"where(x > 0)", "where(x > 0, x)"}) {
    INFO(src);
    Error e = test::compile_error(src, {std::nullopt, 4});
    CHECK(e.kind() == ErrorKind::Call);
    test::expect_error(e, "where() needs three arguments: where(condition, x1, x2)", 1, 1);
    CHECK_THAT(e.hint(), Catch::Contains("known only at run time"));
  }
  test::expect_error(test::compile_error("where(x > 0, x, 0, 1)", {std::nullopt, 4}),
                     "where() takes 3 positional arguments but 4 were given", 1, 20);
}

TEST_CASE("where with shapes that cannot broadcast is a shape error", "[where][errors]") {
  Error e = test::compile_error("where(x > 0, x, x[:, :2])", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK_THAT(e.message(), Catch::Contains("(None, 4)") && Catch::Contains("(None, 2)"));
  CHECK(e.span().line == 1);
}
