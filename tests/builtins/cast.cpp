// cast(x, dtype): NumPy casting (float → int truncates toward zero, nonzero →
// True), dtype names as NumPy spells them; identity(x).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("cast float to int truncates toward zero", "[cast]") {
  Tensor r = eval("cast(x, \"int32\")", tensor({4}, {-2.7, -0.5, 0.9, 3.99}));
  CHECK(r.dtype() == DType::Int32);
  expect_values(r, {4}, {-2, 0, 0, 3});
  CHECK(eval("cast(x, 'int64')", tensor({1}, {1})).dtype() == DType::Int64);
}

TEST_CASE("cast to bool is x != 0 and bool to number is 0 or 1", "[cast]") {
  Tensor b = eval("cast(x, \"bool\")", tensor({4}, {0, -0.0, 0.1, NAN}));
  CHECK(b.dtype() == DType::Bool);
  expect_values(b, {4}, {0, 0, 1, 1});
  Tensor f = eval("cast(x, \"float32\")", tensor({2}, {1, 0}, DType::Bool));
  CHECK(f.dtype() == DType::Float32);
  expect_values(f, {2}, {1, 0});
}

TEST_CASE("cast accepts NumPy's dtype spellings and the bare names", "[cast]") {
  Tensor x = tensor({1}, {2.5});
  CHECK(eval("cast(x, \"float64\")", x).dtype() == DType::Float64);
  CHECK(eval("cast(x, float64)", x).dtype() == DType::Float64);
  CHECK(eval("cast(x, \"float\")", tensor({1}, {1}, DType::Int32)).dtype() == DType::Float32);
  CHECK(eval("cast(x, int32)", x).dtype() == DType::Int32);
  CHECK(eval("cast(x, dtype=\"bool\")", x).dtype() == DType::Bool);
}

TEST_CASE("cast of a Python scalar gives a 0-d tensor of that dtype", "[cast]") {
  Tensor r = eval("lambda: cast(3, \"float64\")");
  CHECK(r.dtype() == DType::Float64);
  expect_values(r, {}, {3});
}

TEST_CASE("identity returns its input", "[cast]") {
  Tensor r = eval("identity(x)", tensor({2}, {1, 2}, DType::Int64));
  CHECK(r.dtype() == DType::Int64);
  expect_values(r, {2}, {1, 2});
}

TEST_CASE("cast to an unknown dtype lists the supported ones", "[cast][errors]") {
  Error e = test::compile_error("cast(x, \"int8\")", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Type);
  test::expect_error(e, "unknown dtype 'int8'", 1, 9);
  CHECK_THAT(e.hint(), Catch::Contains("float32, float64, int32, int64, bool"));
  test::expect_error(test::compile_error("cast(x, 5)", {std::nullopt, 4}),
                     "argument 'dtype' of cast() must be a dtype name such as \"float32\", but it is the integer 5", 1, 9);
  test::expect_error(test::compile_error("cast(x)", {std::nullopt, 4}), "cast() is missing its argument 'dtype'", 1, 1);
  test::expect_error(test::compile_error("cast(x, None)", {std::nullopt, 4}), "cast() needs a dtype", 1, 9);
}
