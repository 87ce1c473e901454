// split(x, n | [points], axis=0): equal sections or split points (np.split),
// results unpacked or indexed.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::eval_all;
using test::expect_values;
using test::iota;

TEST_CASE("split into equal sections", "[split][shape]") {
  auto parts = eval_all("split(x, 2, axis=1)", iota({2, 4}));
  REQUIRE(parts.size() == 2);
  expect_values(parts[0], {2, 2}, {0, 1, 4, 5});
  expect_values(parts[1], {2, 2}, {2, 3, 6, 7});
  expect_values(eval("split(x, 2)[1]", iota({4})), {2}, {2, 3});
}

TEST_CASE("split at points", "[split][shape]") {
  auto parts = eval_all("split(x, [1, 3], axis=-1)", iota({1, 4}));
  REQUIRE(parts.size() == 3);
  expect_values(parts[0], {1, 1}, {0});
  expect_values(parts[1], {1, 2}, {1, 2});
  expect_values(parts[2], {1, 1}, {3});
}

TEST_CASE("split results unpack into names", "[split][shape]") {
  expect_values(eval("a, b = split(x, 2, axis=1); a - b", iota({2, 4})), {2, 2}, {-2, -2, -2, -2});
}

TEST_CASE("split errors", "[split][shape][errors]") {
  std::vector<std::optional<int64_t>> shape = {std::nullopt, 4};
  Error e = test::compile_error("split(x, 3, axis=1)", shape);
  CHECK(e.kind() == ErrorKind::Shape);
  test::expect_error(e, "split() cannot divide an axis of size 4 into 3 equal sections", 1, 10);
  CHECK_THAT(e.hint(), Catch::Contains("split points"));
  test::expect_error(test::compile_error("split(x, 2)", shape), "split() into equal sections needs the axis size before run time", 1, 1);
  test::expect_error(test::compile_error("split(x, 0, axis=1)", shape), "split() needs a positive number of sections", 1, 10);
  test::expect_error(test::compile_error("a, b = split(x, 4, axis=1)", shape), "cannot unpack 4 values into 2 names", 1, 1);
}
