// eye(N, M=None, k=0, dtype="float32").

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;

TEST_CASE("eye builds identity matrices", "[eye]") {
  Tensor r = eval("lambda: eye(3)");
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {3, 3}, {1, 0, 0, 0, 1, 0, 0, 0, 1});
  expect_values(eval("lambda: eye(2, 3, k=1)"), {2, 3}, {0, 1, 0, 0, 0, 1});
  expect_values(eval("lambda: eye(3, k=-1)"), {3, 3}, {0, 0, 0, 1, 0, 0, 0, 1, 0});
  expect_values(eval("lambda: K.eye((2, 3))"), {2, 3}, {1, 0, 0, 0, 1, 0});
  Tensor ints = eval("lambda: eye(2, dtype=\"int32\")");
  CHECK(ints.dtype() == DType::Int32);
  expect_values(ints, {2, 2}, {1, 0, 0, 1});
  expect_values(eval("lambda: eye(0)"), {0, 0}, {});
}

TEST_CASE("eye with a size known only at run time", "[eye]") {
  auto f = Lambda::compile("x * eye(shape(x)[0])", {{"x", DType::Float32, {std::nullopt, std::nullopt}}});
  expect_values(f.run({test::iota({2, 2})})[0], {2, 2}, {0, 0, 0, 3});
}

TEST_CASE("eye reports negative sizes", "[eye][errors]") {
  Error e = test::compile_error("lambda: eye(-1)");
  CHECK(e.kind() == ErrorKind::Value);
  test::expect_error(e, "negative size -1", 1, 13);
  Error pair = test::compile_error("lambda: eye((1, 2, 3))");
  test::expect_error(pair, "got 3 sizes", 1, 13);
}
