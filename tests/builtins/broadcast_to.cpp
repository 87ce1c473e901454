// broadcast_to(x, shape): NumPy broadcasting to an explicit shape.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("broadcast_to repeats size-1 and missing axes", "[broadcast_to][shape]") {
  expect_values(eval("broadcast_to(x, (2, 3))", iota({3})), {2, 3}, {0, 1, 2, 0, 1, 2});
  expect_values(eval("broadcast_to(x, (2, 2))", iota({2, 1})), {2, 2}, {0, 0, 1, 1});
  expect_values(eval("broadcast_to(x, [3])", test::tensor({}, {7})), {3}, {7, 7, 7});
  // To a run-time batch taken from shape().
  auto f = Lambda::compile("broadcast_to(x[:1], shape(x))", {{"x", DType::Float32, {std::nullopt, 2}}});
  expect_values(f.run({iota({3, 2})})[0], {3, 2}, {0, 1, 0, 1, 0, 1});
}

TEST_CASE("broadcast_to a shape that does not fit is a shape error", "[broadcast_to][shape][errors]") {
  Error e = test::compile_error("broadcast_to(x, (3, 3))", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Shape);
  test::expect_error(e, "cannot broadcast (None, 4) to (3, 3)", 1, 1);
  test::expect_error(test::compile_error("broadcast_to(x, (None, 4))", {std::nullopt, 4}),
                     "a shape must hold integers, but one item is None", 1, 18);
}
