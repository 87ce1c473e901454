// The float math builtins (sqrt, exp, log, trig, hyperbolic, erf and their
// aliases): NumPy values, ints and bools computed in float32, NaN and inf
// passed through. Expected values from NumPy.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor positive() { return tensor({4}, {0.25, 0.5, 1, 2}); }
Tensor small() { return tensor({4}, {-0.75, -0.25, 0, 0.5}); }
}  // namespace

TEST_CASE("roots, exponentials and logarithms match NumPy", "[elementwise]") {
  expect_values(eval("sqrt(x)", positive()), {4}, {0.5, 0.70710677, 1, 1.4142135});
  expect_values(eval("rsqrt(x)", positive()), {4}, {2, 1.4142135, 1, 0.70710677});
  expect_values(eval("exp(x)", positive()), {4}, {1.2840255, 1.6487212, 2.718282, 7.3890557});
  expect_values(eval("expm1(x)", positive()), {4}, {0.28402543, 0.64872128, 1.7182819, 6.3890562});
  expect_values(eval("log(x)", positive()), {4}, {-1.3862944, -0.69314718, 0, 0.69314718});
  expect_values(eval("log1p(x)", positive()), {4}, {0.22314356, 0.40546513, 0.69314718, 1.0986123});
  expect_values(eval("log2(x)", positive()), {4}, {-2, -1, 0, 1});
  expect_values(eval("log10(x)", positive()), {4}, {-0.60206002, -0.30103001, 0, 0.30103001});
}

TEST_CASE("trigonometric functions and their arc aliases match NumPy", "[elementwise]") {
  expect_values(eval("sin(x)", small()), {4}, {-0.68163878, -0.24740396, 0, 0.47942555});
  expect_values(eval("cos(x)", small()), {4}, {0.73168886, 0.96891242, 1, 0.87758255});
  expect_values(eval("tan(x)", small()), {4}, {-0.93159646, -0.25534192, 0, 0.5463025});
  for (const char* f : {"arcsin(x)", "asin(x)"})
    expect_values(eval(f, small()), {4}, {-0.84806216, -0.25268024, 0, 0.52359879});
  for (const char* f : {"arccos(x)", "acos(x)"})
    expect_values(eval(f, small()), {4}, {2.4188585, 1.8234766, 1.5707964, 1.0471976});
  for (const char* f : {"arctan(x)", "atan(x)"})
    expect_values(eval(f, small()), {4}, {-0.6435011, -0.24497867, 0, 0.4636476});
}

TEST_CASE("hyperbolic functions, their inverses and erf match NumPy", "[elementwise]") {
  expect_values(eval("sinh(x)", small()), {4}, {-0.82231677, -0.25261232, 0, 0.52109528});
  expect_values(eval("cosh(x)", small()), {4}, {1.2946833, 1.0314132, 1, 1.1276261});
  expect_values(eval("tanh(x)", small()), {4}, {-0.635149, -0.24491866, 0, 0.4621172});
  for (const char* f : {"arcsinh(x)", "asinh(x)"})
    expect_values(eval(f, small()), {4}, {-0.69314718, -0.24746646, 0, 0.48121181});
  for (const char* f : {"arctanh(x)", "atanh(x)"})
    expect_values(eval(f, small()), {4}, {-0.97295505, -0.25541282, 0, 0.54930615});
  for (const char* f : {"arccosh(x)", "acosh(x)"})
    expect_values(eval(f, tensor({4}, {1, 1.5, 2, 10})), {4}, {0, 0.96242362, 1.316958, 2.993223});
  expect_values(eval("erf(x)", small()), {4}, {-0.71115563, -0.27632639, 0, 0.52049988});
}

TEST_CASE("float math on ints and bools gives float32", "[elementwise]") {
  Tensor r = eval("sqrt(x)", tensor({3}, {0, 4, 9}, DType::Int32));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {3}, {0, 2, 3});
  Tensor l = eval("log2(x)", tensor({2}, {1, 8}, DType::Int64));
  CHECK(l.dtype() == DType::Float32);
  expect_values(l, {2}, {0, 3});
  Tensor e = eval("exp(x)", tensor({2}, {0, 1}, DType::Bool));
  CHECK(e.dtype() == DType::Float32);
  expect_values(e, {2}, {1, 2.718282});
}

TEST_CASE("float math keeps float64", "[elementwise]") {
  Tensor r = eval("exp(x)", tensor({1}, {1}, DType::Float64));
  CHECK(r.dtype() == DType::Float64);
  CHECK(r.get_f64(0) == Approx(2.718281828459045).epsilon(1e-14));
}

TEST_CASE("float math follows IEEE at the edges of its domain", "[elementwise]") {
  // NumPy: sqrt(-1) = nan, log(0) = -inf, log(-1) = nan, exp(-inf) = 0, arcsin(2) = nan.
  expect_values(eval("sqrt(x)", tensor({3}, {-1, INFINITY, NAN})), {3}, {NAN, INFINITY, NAN});
  expect_values(eval("log(x)", tensor({3}, {0, -1, INFINITY})), {3}, {-INFINITY, NAN, INFINITY});
  expect_values(eval("rsqrt(x)", tensor({2}, {0, INFINITY})), {2}, {INFINITY, 0});
  expect_values(eval("exp(x)", tensor({3}, {-INFINITY, INFINITY, NAN})), {3}, {0, INFINITY, NAN});
  expect_values(eval("arcsin(x)", tensor({1}, {2})), {1}, {NAN});
  expect_values(eval("tanh(x)", tensor({2}, {-INFINITY, 100})), {2}, {-1, 1});
  expect_values(eval("log1p(x)", tensor({1}, {-1})), {1}, {-INFINITY});
}

TEST_CASE("float math accepts a Python scalar and gives a 0-d tensor", "[elementwise]") {
  Tensor r = eval("lambda: sqrt(16)");
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {}, {4});
  expect_values(eval("lambda: log(e)"), {}, {1});
  expect_values(eval("lambda: cos(pi)"), {}, {-1});
}

TEST_CASE("float math builtins take exactly one argument", "[elementwise][errors]") {
  test::expect_error(test::compile_error("exp(x, 2)", {std::nullopt, 4}), "exp() takes 1 positional argument but 2 were given", 1, 8);
  test::expect_error(test::compile_error("sqrt()", {std::nullopt, 4}), "sqrt() is missing its argument 'x'", 1, 1);
  test::expect_error(test::compile_error("log(\"a\")", {std::nullopt, 4}), "argument 'x' of log() must be a tensor", 1, 5);
}
