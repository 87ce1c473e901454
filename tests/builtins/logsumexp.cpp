// logsumexp(x, axis=None, keepdims=False) (and reduce_logsumexp): stable for
// large inputs, -inf for rows that are all -inf, +inf propagates.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({3, 4}, {1, 2, 3, 4, 0, 0, 0, 0, -1, 0, 1, -2}); }
}  // namespace

TEST_CASE("logsumexp over an axis, all axes, or a tuple", "[logsumexp][reductions]") {
  expect_values(eval("logsumexp(x, axis=1)", x()), {3}, {4.4401897, 1.3862944, 1.4401897});
  expect_values(eval("logsumexp(x, axis=0)", x()), {4}, {1.407606, 2.2395448, 3.169846, 4.0205811});
  expect_values(eval("logsumexp(x)", x()), {}, {4.5327341});
  expect_values(eval("reduce_logsumexp(x, axis=(0, 1), keepdims=True)", x()), {1, 1}, {4.5327341});
  expect_values(eval("logsumexp(x, axis=-1, keepdims=True)", x()), {3, 1}, {4.4401897, 1.3862944, 1.4401897});
}

TEST_CASE("logsumexp is stable for large inputs", "[logsumexp][reductions]") {
  Tensor big = tensor({2, 4}, {1000, 1001, 1002, 1003, -1000, -1001, -1002, -1003});
  expect_values(eval("logsumexp(x, axis=1)", big), {2}, {1003.4402, -999.55981});
}

TEST_CASE("logsumexp ignores -inf entries and gives -inf for an all -inf row", "[logsumexp][reductions]") {
  Tensor m = tensor({3, 2}, {0, -INFINITY, -INFINITY, -INFINITY, INFINITY, 0});
  expect_values(eval("logsumexp(x, axis=1)", m), {3}, {0, -INFINITY, INFINITY});
  expect_values(eval("logsumexp(x, axis=1)", tensor({1, 2}, {NAN, 0})), {1}, {NAN});
}

TEST_CASE("logsumexp of ints is float32 and over an empty axis is -inf", "[logsumexp][reductions]") {
  Tensor r = eval("logsumexp(x, axis=0)", tensor({2, 1}, {0, 0}, DType::Int32));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {1}, {0.69314718});
  expect_values(eval("logsumexp(x, axis=0)", tensor({0, 2}, {})), {2}, {-INFINITY, -INFINITY});
  expect_values(eval("logsumexp(x, axis=1)", tensor({0, 2}, {})), {0}, {});
}

TEST_CASE("logsumexp keeps a batch known only at run time", "[logsumexp][reductions]") {
  CHECK(test::output_types("logsumexp(x, axis=-1)", {{"x", DType::Float32, {std::nullopt, 4}}}) ==
        std::vector<std::string>{"float32(None,)"});
  expect_values(test::eval_batched("logsumexp(x, axis=-1)", tensor({1, 2}, {0, 0})), {1}, {0.69314718});
}
