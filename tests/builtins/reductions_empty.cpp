// Reductions over size-0 axes: NumPy's identities (sum 0, prod 1, any False,
// all True), mean/var of nothing are NaN, and argmax of nothing is an error.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::eval_batched;
using test::expect_values;
using test::tensor;

namespace {
Tensor empty_rows() { return tensor({0, 3}, {}); }
}  // namespace

TEST_CASE("sum, prod, any and all of nothing are their identities", "[reductions][empty]") {
  expect_values(eval("sum(x, axis=0)", empty_rows()), {3}, {0, 0, 0});
  expect_values(eval("sum(x)", empty_rows()), {}, {0});
  expect_values(eval("prod(x, axis=0)", empty_rows()), {3}, {1, 1, 1});
  expect_values(eval("any(x, axis=0)", empty_rows()), {3}, {0, 0, 0});
  expect_values(eval("all(x, axis=0)", empty_rows()), {3}, {1, 1, 1});
  expect_values(eval("norm(x, axis=0)", empty_rows()), {3}, {0, 0, 0});
  expect_values(eval("norm(x, ord=1, axis=0)", empty_rows()), {3}, {0, 0, 0});
  expect_values(eval("norm(x, ord=inf, axis=0)", empty_rows()), {3}, {0, 0, 0});
}

TEST_CASE("mean, var and std of nothing are NaN", "[reductions][empty]") {
  expect_values(eval("mean(x, axis=0)", empty_rows()), {3}, {NAN, NAN, NAN});
  expect_values(eval("var(x, axis=0)", empty_rows()), {3}, {NAN, NAN, NAN});
  expect_values(eval("std(x)", empty_rows()), {}, {NAN});
}

TEST_CASE("reducing the other axis of an empty tensor gives an empty result", "[reductions][empty]") {
  for (const char* f : {"sum(x, axis=1)", "mean(x, axis=1)", "max(x, axis=1)", "argmax(x, axis=1)", "var(x, axis=1)"}) {
    INFO(f);
    expect_values(eval(f, empty_rows()), {0}, {});
  }
}

TEST_CASE("argmax and argmin of an empty axis are errors", "[reductions][empty][errors]") {
  // Known before run time: a compile error.
  Error e = test::compile_error("argmax(x, axis=0)", {test::signature("x", empty_rows())});
  test::expect_error(e, "argmax of an empty axis: axis 0 of (0, 3) has size 0", 1, 1);
  // An empty batch: found at run time.
  Error f = test::run_error("argmin(x, axis=0)", {test::batch_signature("x", empty_rows())}, {empty_rows()});
  test::expect_error(f, "argmin of an empty axis", 1, 1);
}

TEST_CASE("reductions over a batch that is empty at run time", "[reductions][empty]") {
  expect_values(eval_batched("sum(x, axis=0)", empty_rows()), {3}, {0, 0, 0});
  expect_values(eval_batched("mean(x, axis=-1)", empty_rows()), {0}, {});
  expect_values(eval_batched("sum(x, axis=-1, keepdims=True)", empty_rows()), {0, 1}, {});
}
