// floor, ceil and round: round is half to even (NumPy / Keras), decimals as
// np.round; integers pass through unchanged.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("round goes half to even", "[elementwise][round]") {
  Tensor x = tensor({10}, {-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 2.4, -2.6});
  expect_values(eval("round(x)", x), {10}, {-4, -2, -2, -0, 0, 2, 2, 4, 2, -3});
  CHECK(std::signbit(eval("round(x)", x).get_f64(3)));
}

TEST_CASE("round with decimals scales by a power of ten", "[elementwise][round]") {
  // np.round([1.234, 2.468, -0.125], 2) and np.round([55., 66., 14.], -1)
  expect_values(eval("round(x, 2)", tensor({2}, {1.234, 2.468})), {2}, {1.23, 2.47});
  expect_values(eval("round(x, decimals=-1)", tensor({3}, {55, 66, 14})), {3}, {60, 70, 10});
}

TEST_CASE("round with negative decimals rounds to tens, hundreds, ... (ints too)", "[elementwise][round]") {
  // np.round([55, 65, -55, 14, 150], -1) = [60, 60, -60, 10, 150]; with -2: [100, 100, -100, 0, 200].
  std::vector<double> v = {55, 65, -55, 14, 150};
  for (DType d : {DType::Float32, DType::Float64, DType::Int32, DType::Int64}) {
    INFO(dtype_name(d));
    Tensor tens = eval("round(x, -1)", tensor({5}, v, d));
    CHECK(tens.dtype() == d);
    expect_values(tens, {5}, {60, 60, -60, 10, 150});
    expect_values(eval("round(x, decimals=-2)", tensor({5}, v, d)), {5}, {100, 100, -100, 0, 200});
  }
}

TEST_CASE("round keeps NaN and infinities", "[elementwise][round]") {
  expect_values(eval("round(x)", tensor({3}, {NAN, INFINITY, -INFINITY})), {3}, {NAN, INFINITY, -INFINITY});
}

TEST_CASE("floor and ceil round toward -inf and +inf", "[elementwise][round]") {
  Tensor x = tensor({5}, {-1.5, -0.5, 0.5, 1.5, 2});
  expect_values(eval("floor(x)", x), {5}, {-2, -1, 0, 1, 2});
  expect_values(eval("ceil(x)", x), {5}, {-1, -0, 1, 2, 2});
  expect_values(eval("floor(x)", tensor({2}, {NAN, -INFINITY})), {2}, {NAN, -INFINITY});
}

TEST_CASE("floor, ceil and round leave integers and bools as they are", "[elementwise][round]") {
  for (const char* f : {"floor(x)", "ceil(x)", "round(x)", "round(x, 2)"}) {
    INFO(f);
    Tensor r = eval(f, tensor({3}, {-7, 0, 7}, DType::Int32));
    CHECK(r.dtype() == DType::Int32);
    expect_values(r, {3}, {-7, 0, 7});
  }
  CHECK(eval("floor(x)", tensor({1}, {1}, DType::Bool)).dtype() == DType::Bool);
}

TEST_CASE("round's decimals must be an integer", "[elementwise][round][errors]") {
  test::expect_error(test::compile_error("round(x, 1.5)", {std::nullopt, 4}),
                     "argument 'decimals' of round() must be an integer, but it is the number 1.5", 1, 10);
}
