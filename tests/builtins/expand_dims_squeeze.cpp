// expand_dims(x, axis) (one axis or several) and squeeze(x, axis=None).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("expand_dims inserts size-1 axes", "[expand_dims][shape]") {
  expect_values(eval("expand_dims(x, 0)", iota({2, 3})), {1, 2, 3}, {0, 1, 2, 3, 4, 5});
  expect_values(eval("expand_dims(x, -1)", iota({2, 3})), {2, 3, 1}, {0, 1, 2, 3, 4, 5});
  expect_values(eval("expand_dims(x, axis=1)", iota({2, 3})), {2, 1, 3}, {0, 1, 2, 3, 4, 5});
  expect_values(eval("expand_dims(x, (0, 2))", iota({2, 3})), {1, 2, 1, 3}, {0, 1, 2, 3, 4, 5});
  expect_values(eval("expand_dims(x, 0)", test::tensor({}, {4})), {1}, {4});
}

TEST_CASE("squeeze drops size-1 axes", "[squeeze][shape]") {
  expect_values(eval("squeeze(x)", iota({1, 3, 1})), {3}, {0, 1, 2});
  expect_values(eval("squeeze(x, axis=-1)", iota({1, 3, 1})), {1, 3}, {0, 1, 2});
  expect_values(eval("squeeze(x, (0, 2))", iota({1, 3, 1})), {3}, {0, 1, 2});
  // A run-time batch is not squeezed unless asked: it may be larger than 1.
  CHECK(test::output_types("squeeze(x)", {{"x", DType::Float32, {std::nullopt, 1}}}) ==
        std::vector<std::string>{"float32(None,)"});
}

TEST_CASE("expand_dims and squeeze errors", "[expand_dims][squeeze][shape][errors]") {
  std::vector<std::optional<int64_t>> shape = {std::nullopt, 4};
  test::expect_error(test::compile_error("expand_dims(x, 3)", shape), "axis 3 is out of range for a tensor of rank 3", 1, 16);
  Error e = test::compile_error("squeeze(x, axis=1)", shape);
  CHECK(e.kind() == ErrorKind::Shape);
  test::expect_error(e, "cannot squeeze axis 1 of shape (None, 4): its size is 4, not 1", 1, 17);
  test::expect_error(test::compile_error("expand_dims(x)", shape), "expand_dims() is missing its argument 'axis'", 1, 1);
  // np.expand_dims(x, (0, 0)) raises "repeated axis"; -3 and 1 are the same axis of the rank-4 result.
  Error twice = test::compile_error("expand_dims(x, (1, -3))", shape);
  CHECK(twice.kind() == ErrorKind::Axis);
  test::expect_error(twice, "expand_dims() got the same axis twice", 1, 16);
}
