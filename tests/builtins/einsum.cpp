// einsum(subscripts, *operands) for one and two operands (NumPy semantics).

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

TEST_CASE("einsum matrix and batched matrix products", "[einsum]") {
  expect_values(eval("lambda x, y: einsum(\"ij,jk->ik\", x, y)", iota({2, 3}), iota({3, 4})), {2, 4},
                {20, 23, 26, 29, 56, 68, 80, 92});
  expect_values(eval("lambda x, y: einsum(\"bij,bjk->bik\", x, y)", iota({2, 2, 3}), iota({2, 3, 2})), {2, 2, 2},
                {10, 13, 28, 40, 172, 193, 244, 274});
  // The product with a transposed right operand.
  expect_values(eval("lambda x, y: einsum('ij,kj->ik', x, y)", iota({2, 3}), iota({2, 3})), {2, 2}, {5, 14, 14, 50});
}

TEST_CASE("einsum with one operand transposes and sums", "[einsum]") {
  Tensor x = iota({2, 3});
  expect_values(eval("einsum(\"ij->ji\", x)", x), {3, 2}, {0, 3, 1, 4, 2, 5});
  expect_values(eval("einsum(\"ij->\", x)", x), {}, {15});
  expect_values(eval("einsum(\"ij->j\", x)", x), {3}, {3, 5, 7});
  expect_values(eval("einsum(\"ij->ij\", x)", x), {2, 3}, {0, 1, 2, 3, 4, 5});
}

TEST_CASE("einsum inner, outer and elementwise products", "[einsum]") {
  expect_values(eval("lambda x, y: einsum(\"i,i->\", x, y)", iota({3}), test::tensor({3}, {1, 2, 3})), {}, {8});
  expect_values(eval("lambda x, y: einsum(\"i,j->ij\", x, y)", iota({2}), test::tensor({3}, {1, 2, 3})), {2, 3},
                {0, 0, 0, 1, 2, 3});
  expect_values(eval("lambda x, y: einsum(\"ij,ij->i\", x, y)", iota({2, 3}), iota({2, 3})), {2}, {5, 50});
}

TEST_CASE("einsum sums letters used by one operand only", "[einsum]") {
  expect_values(eval("lambda x, y: einsum(\"ij,jk->i\", x, y)", iota({2, 3}), iota({3, 4})), {2}, {98, 296});
  expect_values(eval("lambda x, y: einsum(\"ijk,ik->j\", x, y)", iota({2, 3, 2}), iota({2, 2})), {3}, {34, 46, 58});
}

TEST_CASE("einsum without an arrow outputs the single-use letters in order", "[einsum]") {
  expect_values(eval("lambda x, y: einsum(\"ij,jk\", x, y)", iota({2, 3}), iota({3, 4})), {2, 4},
                {20, 23, 26, 29, 56, 68, 80, 92});
  expect_values(eval("einsum(\"ba\", x)", iota({2, 3})), {3, 2}, {0, 3, 1, 4, 2, 5});
  expect_values(eval("lambda x, y: einsum(\"ij,jk->ki\", x, y)", iota({2, 3}), iota({3, 4})), {4, 2},
                {20, 56, 23, 68, 26, 80, 29, 92});
}

TEST_CASE("einsum keeps integer and bool dtypes", "[einsum]") {
  Tensor r = eval("lambda x, y: einsum(\"ij,jk->ik\", x, y)", iota({2, 3}, DType::Int32), iota({3, 4}, DType::Int32));
  CHECK(r.dtype() == DType::Int32);
  expect_values(r, {2, 4}, {20, 23, 26, 29, 56, 68, 80, 92});
  Tensor b = eval("einsum(\"ij->i\", x)", test::tensor({2, 2}, {0, 1, 0, 0}, DType::Bool));
  CHECK(b.dtype() == DType::Bool);
  expect_values(b, {2}, {1, 0});
}

TEST_CASE("einsum with a batch known only at run time", "[einsum]") {
  auto f = Lambda::compile("lambda x, y: einsum(\"bij,bjk->bik\", x, y)",
                           {{"x", DType::Float32, {std::nullopt, 2, 3}}, {"y", DType::Float32, {std::nullopt, 3, 2}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 2, 2)"});
  expect_values(f.run({iota({2, 2, 3}), iota({2, 3, 2})})[0], {2, 2, 2}, {10, 13, 28, 40, 172, 193, 244, 274});
  // Two run-time dims on one side cannot be merged into a matrix: still correct.
  auto g = Lambda::compile("lambda x, y: einsum(\"bij,jk->bik\", x, y)",
                           {{"x", DType::Float32, {std::nullopt, std::nullopt, 3}}, {"y", DType::Float32, {3, 4}}});
  expect_values(g.run({iota({1, 2, 3}), iota({3, 4})})[0], {1, 2, 4}, {20, 23, 26, 29, 56, 68, 80, 92});
}

TEST_CASE("einsum reports malformed subscripts and mismatched operands", "[einsum][errors]") {
  using Sigs = std::vector<InputSignature>;
  Sigs two = {{"x", DType::Float32, {2, 3}}, {"y", DType::Float32, {4, 5}}};
  Error size = test::compile_error("lambda x, y: einsum(\"ij,jk->ik\", x, y)", two);
  test::expect_error(size, "'j' has size 3 in operand 0 (shape (2, 3)) but 4 in operand 1 (shape (4, 5))", 1, 14);
  CHECK(size.kind() == ErrorKind::Shape);

  Error rank = test::compile_error("einsum(\"ijk->i\", x)", {2, 3});
  test::expect_error(rank, "operand 0 has shape (2, 3) but its subscripts 'ijk' name 3 axes", 1, 1);

  Error count = test::compile_error("einsum(\"ij,jk->ik\", x)", {2, 3});
  test::expect_error(count, "name 2 operands but 1 was given", 1, 1);

  Error ellipsis = test::compile_error("einsum(\"...ij->...ji\", x)", {2, 3});
  test::expect_error(ellipsis, "'...'", 1, 8);

  Error diag = test::compile_error("einsum(\"ii->i\", x)", {3, 3});
  test::expect_error(diag, "repeats the letter 'i'", 1, 8);

  Error out = test::compile_error("einsum(\"ij->k\", x)", {2, 3});
  test::expect_error(out, "output letter 'k' does not appear", 1, 8);

  Error three = test::compile_error("einsum(\"i,i,i->\", x, x, x)", std::vector<std::optional<int64_t>>{3});
  test::expect_error(three, "one or two operands", 1, 1);

  Error bad = test::compile_error("einsum(\"i j-k\", x)", std::vector<std::optional<int64_t>>{3});
  test::expect_error(bad, "unexpected character '-'", 1, 8);
}
