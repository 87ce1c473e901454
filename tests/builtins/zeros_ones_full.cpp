// zeros(shape, dtype), ones(shape, dtype), full(shape, fill_value, dtype).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;

TEST_CASE("zeros and ones", "[zeros][ones]") {
  Tensor z = eval("lambda: zeros((2, 3))");
  CHECK(z.dtype() == DType::Float32);
  expect_values(z, {2, 3}, {0, 0, 0, 0, 0, 0});
  Tensor o = eval("lambda: ones(3, dtype=\"int32\")");
  CHECK(o.dtype() == DType::Int32);
  expect_values(o, {3}, {1, 1, 1});
  expect_values(eval("lambda: ones(())"), {}, {1});
  expect_values(eval("lambda: zeros((0, 2))"), {0, 2}, {});
}

TEST_CASE("full takes its dtype from the fill value unless given", "[full]") {
  Tensor i = eval("lambda: full((2, 2), 7)");
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {2, 2}, {7, 7, 7, 7});
  Tensor f = eval("lambda: full((2,), 1.5)");
  CHECK(f.dtype() == DType::Float32);
  expect_values(f, {2}, {1.5, 1.5});
  Tensor d = eval("lambda: full([2], 2, dtype=\"float64\")");
  CHECK(d.dtype() == DType::Float64);
  expect_values(d, {2}, {2, 2});
}

TEST_CASE("zeros and full with run-time dims from shape(x)", "[zeros][full]") {
  auto f = Lambda::compile("x + full(shape(x), 2.0) + zeros((shape(x)[0], 1))", {{"x", DType::Float32, {std::nullopt, 2}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 2)"});
  expect_values(f.run({test::iota({2, 2})})[0], {2, 2}, {2, 3, 4, 5});
}

TEST_CASE("zeros rejects None and negative dims", "[zeros][errors]") {
  Error none = test::compile_error("lambda: zeros((2, None))");
  test::expect_error(none, "a shape must hold integers", 1, 19);
  Error negative = test::compile_error("lambda: ones((-1, 2))");
  test::expect_error(negative, "cannot be negative", 1, 15);
  Error dtype = test::compile_error("lambda: zeros(2, dtype=\"complex64\")");
  test::expect_error(dtype, "unknown dtype 'complex64'", 1, 24);
}
