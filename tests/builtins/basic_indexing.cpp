// NumPy basic indexing: integers (negative from the end) drop an axis, slices
// keep it, None adds one, `...` fills the rest.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::iota;

namespace {
Tensor m() { return iota({3, 4}); }  // [[0..3], [4..7], [8..11]]
}  // namespace

TEST_CASE("an integer index drops its axis", "[indexing]") {
  expect_values(eval("x[:, 0]", m()), {3}, {0, 4, 8});
  expect_values(eval("x[1]", m()), {4}, {4, 5, 6, 7});
  expect_values(eval("x[1, 2]", m()), {}, {6});
  expect_values(eval("x[1][2]", m()), {}, {6});
  expect_values(eval("x[0, ...]", m()), {4}, {0, 1, 2, 3});
}

TEST_CASE("negative indices count from the end", "[indexing]") {
  expect_values(eval("x[-1]", m()), {4}, {8, 9, 10, 11});
  expect_values(eval("x[:, -1]", m()), {3}, {3, 7, 11});
  expect_values(eval("x[-3, -4]", m()), {}, {0});
}

TEST_CASE("slices keep their axis", "[indexing]") {
  expect_values(eval("x[..., 1:3]", m()), {3, 2}, {1, 2, 5, 6, 9, 10});
  expect_values(eval("x[1:, 2:]", m()), {2, 2}, {6, 7, 10, 11});
  expect_values(eval("x[-2:]", m()), {2, 4}, {4, 5, 6, 7, 8, 9, 10, 11});
  expect_values(eval("x[:, :-3]", m()), {3, 1}, {0, 4, 8});
  expect_values(eval("x[:, 1::2]", m()), {3, 2}, {1, 3, 5, 7, 9, 11});
  expect_values(eval("x[0:1, 0:1]", m()), {1, 1}, {0});
}

TEST_CASE("negative steps reverse", "[indexing]") {
  expect_values(eval("x[:, ::-1]", m()), {3, 4}, {3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8});
  expect_values(eval("x[::-1, 0]", m()), {3}, {8, 4, 0});
  expect_values(eval("x[0, -1::-2]", m()), {2}, {3, 1});
  expect_values(eval("x[0, 2:0:-1]", m()), {2}, {2, 1});
}

TEST_CASE("slices out of range clamp, as in NumPy", "[indexing]") {
  expect_values(eval("x[:, 10:]", m()), {3, 0}, {});
  expect_values(eval("x[0, -10:2]", m()), {2}, {0, 1});
  expect_values(eval("x[0, 2:100]", m()), {2}, {2, 3});
  expect_values(eval("x[0, 3:1]", m()), {0}, {});
}

TEST_CASE("None adds a size-1 axis and ... stands for the remaining axes", "[indexing]") {
  expect_values(eval("x[:, None]", m()), {3, 1, 4}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  expect_values(eval("x[None]", iota({2})), {1, 2}, {0, 1});
  expect_values(eval("x[..., None]", iota({2})), {2, 1}, {0, 1});
  expect_values(eval("x[None, ..., None]", iota({2})), {1, 2, 1}, {0, 1});
  expect_values(eval("x[newaxis, 1]", m()), {1, 4}, {4, 5, 6, 7});
  expect_values(eval("x[...]", m()), {3, 4}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  expect_values(eval("x[..., 0]", iota({2, 2, 2})), {2, 2}, {0, 2, 4, 6});
  expect_values(eval("x[0, ..., 1]", iota({2, 2, 2})), {2}, {1, 3});
}

TEST_CASE("indexing a 0-d result of indexing and of ints keeps the dtype", "[indexing]") {
  Tensor i = eval("x[1, ::2]", iota({2, 3}, DType::Int32));
  CHECK(i.dtype() == DType::Int32);
  expect_values(i, {2}, {3, 5});
}

TEST_CASE("indexing the result of a call or expression", "[indexing]") {
  expect_values(eval("(x * 2)[:, 0]", m()), {3}, {0, 8, 16});
  expect_values(eval("sum(x, axis=0)[1:3]", m()), {2}, {15, 18});
}
