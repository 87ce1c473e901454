// x[idx] and x[:, idx] with an integer index tensor: a take along that axis.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;
using test::tensor;

TEST_CASE("an int tensor index gathers along the first axis", "[indexing][tensor_index]") {
  Tensor idx = tensor({3}, {2, 0, -1}, DType::Int32);
  expect_values(eval("lambda x, y: x[y]", iota({3, 2}), idx), {3, 2}, {4, 5, 0, 1, 4, 5});
  expect_values(eval("lambda x, y: x[y, ...]", iota({3, 2}), idx), {3, 2}, {4, 5, 0, 1, 4, 5});
}

TEST_CASE("an int tensor index after full slices gathers along that axis", "[indexing][tensor_index]") {
  Tensor idx = tensor({2, 2}, {1, 1, 0, 2}, DType::Int64);
  expect_values(eval("lambda x, y: x[:, y]", iota({2, 3}), idx), {2, 2, 2}, {1, 1, 0, 2, 4, 4, 3, 5});
}

TEST_CASE("an int tensor index out of range is a run-time error", "[indexing][tensor_index][errors]") {
  Tensor idx = tensor({1}, {3}, DType::Int32);
  Error e = test::run_error("lambda x, i: x[i]", {test::signature("x", iota({3})), test::signature("i", idx)},
                            {iota({3}), idx});
  CHECK_THAT(e.message(), Catch::Contains("index 3 is out of bounds for axis 0 with size 3"));
}

TEST_CASE("a tensor index mixed with other indices is not supported", "[indexing][tensor_index][errors]") {
  Error e = test::compile_error("lambda x, i: x[0, i]",
                                {{"x", DType::Float32, {3, 4}}, {"i", DType::Int32, {2}}});
  CHECK(e.kind() == ErrorKind::Type);
  test::expect_error(e, "indexing with a tensor is supported only as x[idx] or x[:, idx] (other axes full)", 1, 14);
  CHECK_THAT(e.hint(), Catch::Contains("take(x, indices, axis)"));
}
