// transpose(x, axes=None) / permute_dimensions(x, pattern) and x.T.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("transpose reverses the axes by default", "[transpose][shape]") {
  expect_values(eval("transpose(x)", iota({2, 3})), {3, 2}, {0, 3, 1, 4, 2, 5});
  expect_values(eval("x.T", iota({2, 3})), {3, 2}, {0, 3, 1, 4, 2, 5});
  expect_values(eval("transpose(x)", iota({3})), {3}, {0, 1, 2});
}

TEST_CASE("transpose and permute_dimensions with a permutation", "[transpose][shape]") {
  // np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2)[0] = [[0, 1, 2, 3], [12, 13, 14, 15]]
  Tensor r = eval("transpose(x, (1, 0, 2))", iota({2, 3, 4}));
  REQUIRE(r.dims() == Dims{3, 2, 4});
  CHECK(r.get_f64(4) == 12);
  CHECK(r.get_f64(8) == 4);
  expect_values(eval("permute_dimensions(x, (0, 2, 1))", iota({1, 2, 2})), {1, 2, 2}, {0, 2, 1, 3});
  expect_values(eval("transpose(x, axes=(-1, 0))", iota({2, 3})), {3, 2}, {0, 3, 1, 4, 2, 5});
  expect_values(eval("transpose(x, perm=[1, 0])", iota({2, 3})), {3, 2}, {0, 3, 1, 4, 2, 5});
}

TEST_CASE("transpose moves a run-time batch dimension", "[transpose][shape]") {
  CHECK(test::output_types("x.T", {{"x", DType::Float32, {std::nullopt, 4}}}) ==
        std::vector<std::string>{"float32(4, None)"});
}

TEST_CASE("transpose needs a permutation of every axis", "[transpose][shape][errors]") {
  std::vector<std::optional<int64_t>> shape = {std::nullopt, 4};
  Error e = test::compile_error("transpose(x, (0,))", shape);
  CHECK(e.kind() == ErrorKind::Axis);
  test::expect_error(e, "transpose() needs a permutation of 2 axes, but 1 were given", 1, 14);
  test::expect_error(test::compile_error("transpose(x, (0, 0))", shape), "transpose() got axis 0 twice", 1, 14);
  test::expect_error(test::compile_error("transpose(x, (0, 2))", shape), "axis 2 is out of range for a tensor of rank 2", 1, 14);
}
