// concatenate / concat(xs, axis=-1) (K.concatenate's default axis) and
// stack(xs, axis=0): dtype promotion, run-time batch, shape errors.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;
using test::tensor;

TEST_CASE("concatenate joins along the last axis by default", "[concatenate][shape]") {
  Tensor x = iota({2, 2});
  expect_values(eval("concatenate([x, x * 10])", x), {2, 4}, {0, 1, 0, 10, 2, 3, 20, 30});
  expect_values(eval("concat([x, x * 10], axis=0)", x), {4, 2}, {0, 1, 2, 3, 0, 10, 20, 30});
  expect_values(eval("K.concatenate((x, x[:, :1]), axis=-1)", x), {2, 3}, {0, 1, 0, 2, 3, 2});
  expect_values(eval("concat([x])", x), {2, 2}, {0, 1, 2, 3});
}

TEST_CASE("concatenate promotes dtypes", "[concatenate][shape]") {
  Tensor r = eval("lambda x, y: concat([x, y], axis=0)", tensor({1}, {1}, DType::Int32), tensor({1}, {2.5}));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {2}, {1, 2.5});
  CHECK(eval("concat([x, x > 0])", tensor({1}, {3}, DType::Int32)).dtype() == DType::Int32);
}

TEST_CASE("concatenate along the batch axis known only at run time", "[concatenate][shape]") {
  auto f = Lambda::compile("concat([x, x], axis=0)", {{"x", DType::Float32, {std::nullopt, 2}}});
  expect_values(f.run({iota({1, 2})})[0], {2, 2}, {0, 1, 0, 1});
  expect_values(f.run({iota({0, 2})})[0], {0, 2}, {});
  auto g = Lambda::compile("concat([x, -x])", {{"x", DType::Float32, {std::nullopt, 2}}});
  CHECK(g.output_types() == std::vector<std::string>{"float32(None, 4)"});
}

TEST_CASE("stack adds a new axis", "[stack][shape]") {
  Tensor x = iota({2, 2});
  expect_values(eval("stack([x, x * 10])", x), {2, 2, 2}, {0, 1, 2, 3, 0, 10, 20, 30});
  expect_values(eval("stack([x, x * 10], axis=-1)", x), {2, 2, 2}, {0, 0, 1, 10, 2, 20, 3, 30});
  expect_values(eval("stack([x, x * 10], axis=1)", x), {2, 2, 2}, {0, 1, 0, 10, 2, 3, 20, 30});
  // Scalars stack into a vector.
  expect_values(eval("stack([sum(x), max(x)])", x), {2}, {6, 3});
}

TEST_CASE("concatenate errors name the shapes", "[concatenate][shape][errors]") {
  std::vector<std::optional<int64_t>> shape = {std::nullopt, 4};
  Error rank = test::compile_error("concat([x, x[0]])", shape);
  CHECK(rank.kind() == ErrorKind::Shape);
  test::expect_error(rank, "concatenate() needs tensors of the same rank, but item 0 has shape (None, 4) and item 1 has shape (4,)", 1, 8);
  test::expect_error(test::compile_error("concat([x, x[:, :2]], axis=0)", shape),
                     "cannot concatenate along axis 0: input 0 has shape (None, 4) but input 1 has shape (None, 2)", 1, 1);
  test::expect_error(test::compile_error("concat([1, 2])", shape), "concatenate() cannot join scalars", 1, 8);
  test::expect_error(test::compile_error("concat([])", shape), "concat() needs at least one tensor in 'xs'", 1, 8);
  test::expect_error(test::compile_error("concat(x)", shape),
                     "argument 'xs' of concat() must be a list of tensors, but it is a float32 tensor of shape (None, 4)", 1, 8);
  test::expect_error(test::compile_error("concat([x, \"a\"])", shape),
                     "concat() expects tensors in 'xs', but one item is the string 'a'", 1, 12);
  test::expect_error(test::compile_error("concat([x, x], axis=2)", shape), "axis 2 is out of range for a tensor of rank 2", 1, 21);
}

TEST_CASE("stack errors name the shapes", "[stack][shape][errors]") {
  std::vector<std::optional<int64_t>> shape = {std::nullopt, 4};
  Error e = test::compile_error("stack([x, x[:, :2]])", shape);
  CHECK(e.kind() == ErrorKind::Shape);
  test::expect_error(e, "stack() needs tensors of the same shape, but item 0 has shape (None, 4) and item 1 has shape (None, 2)", 1, 7);
  test::expect_error(test::compile_error("stack([x, x[0]])", shape), "stack() needs tensors of the same shape", 1, 7);
  test::expect_error(test::compile_error("stack([x, x], axis=3)", shape), "axis 3 is out of range for a tensor of rank 3", 1, 20);
}
