// Result dtypes of reductions: integer sum/prod keep the integer dtype, bool
// sum/prod count in int32, max/min of bools are any/all, mean/var/std/norm of
// ints are float32, float64 stays float64.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

TEST_CASE("int sum and prod stay int", "[reductions][dtypes]") {
  Tensor i = tensor({2, 2}, {-3, 4, 5, 6}, DType::Int32);
  Tensor s = eval("sum(x)", i);
  CHECK(s.dtype() == DType::Int32);
  expect_values(s, {}, {12});
  Tensor p = eval("prod(x, axis=1)", i);
  CHECK(p.dtype() == DType::Int32);
  expect_values(p, {2}, {-12, 30});
  Tensor l = eval("sum(x)", tensor({2}, {3000000000.0, 1}, DType::Int64));
  CHECK(l.dtype() == DType::Int64);
  CHECK(l.get_i64(0) == 3000000001);
  CHECK(eval("max(x)", i).dtype() == DType::Int32);
}

TEST_CASE("bool sum and prod count in int32", "[reductions][dtypes]") {
  Tensor b = tensor({2, 3}, {1, 0, 1, 1, 1, 1}, DType::Bool);
  Tensor s = eval("sum(x, axis=1)", b);
  CHECK(s.dtype() == DType::Int32);
  expect_values(s, {2}, {2, 3});
  Tensor p = eval("prod(x, axis=1)", b);
  CHECK(p.dtype() == DType::Int32);
  expect_values(p, {2}, {0, 1});
  // The usual way to count matches.
  Tensor c = eval("sum(x > 1)", tensor({4}, {0, 2, 3, 1}));
  CHECK(c.dtype() == DType::Int32);
  expect_values(c, {}, {2});
}

TEST_CASE("max and min of bools stay bool", "[reductions][dtypes]") {
  Tensor b = tensor({2, 2}, {1, 0, 0, 0}, DType::Bool);
  Tensor mx = eval("max(x, axis=1)", b);
  CHECK(mx.dtype() == DType::Bool);
  expect_values(mx, {2}, {1, 0});
  expect_values(eval("min(x, axis=0)", b), {2}, {0, 0});
}

TEST_CASE("mean, var, std and norm of ints and bools are float32", "[reductions][dtypes]") {
  Tensor i = tensor({4}, {1, 2, 3, 5}, DType::Int32);
  for (const char* f : {"mean(x)", "var(x)", "std(x)", "norm(x)", "logsumexp(x)"}) {
    INFO(f);
    CHECK(eval(f, i).dtype() == DType::Float32);
  }
  expect_values(eval("mean(x)", i), {}, {2.75});
  expect_values(eval("mean(x)", tensor({4}, {1, 0, 1, 1}, DType::Bool)), {}, {0.75});
}

TEST_CASE("float64 reductions stay float64", "[reductions][dtypes]") {
  Tensor d = tensor({3}, {0.1, 0.2, 0.3}, DType::Float64);
  for (const char* f : {"sum(x)", "mean(x)", "var(x)", "std(x)", "max(x)", "norm(x)", "logsumexp(x)", "cumsum(x)"}) {
    INFO(f);
    CHECK(eval(f, d).dtype() == DType::Float64);
  }
  CHECK(eval("mean(x)", d).get_f64(0) == Approx(0.2).epsilon(1e-15));
}
