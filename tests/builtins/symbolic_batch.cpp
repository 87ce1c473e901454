// One compiled lambda, shape (None, 4), run with batch 1, 3 and 0: the batch
// flows through elementwise ops, reductions over either axis, concatenation
// and normalisation. Inputs are np.arange(batch * 4).reshape(batch, 4).

#include "builtins/support.h"

using namespace lamina;
using test::expect_values;
using test::iota;

namespace {
Lambda compiled(const std::string& source) {
  return Lambda::compile(source, {{"x", DType::Float32, {std::nullopt, 4}}});
}
Tensor run(const Lambda& f, int64_t batch) { return f.run({iota({batch, 4})}).at(0); }
}  // namespace

TEST_CASE("elementwise results follow the batch", "[symbolic_batch]") {
  Lambda f = compiled("x * 2 + 1");
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 4)"});
  expect_values(run(f, 1), {1, 4}, {1, 3, 5, 7});
  expect_values(run(f, 3), {3, 4}, {1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23});
  expect_values(run(f, 0), {0, 4}, {});
}

TEST_CASE("row statistics keep the batch", "[symbolic_batch]") {
  Lambda f = compiled("x - mean(x, axis=-1, keepdims=True)");
  expect_values(run(f, 1), {1, 4}, {-1.5, -0.5, 0.5, 1.5});
  expect_values(run(f, 3), {3, 4}, {-1.5, -0.5, 0.5, 1.5, -1.5, -0.5, 0.5, 1.5, -1.5, -0.5, 0.5, 1.5});
  expect_values(run(f, 0), {0, 4}, {});
  Lambda g = compiled("max(x, axis=-1)");
  CHECK(g.output_types() == std::vector<std::string>{"float32(None,)"});
  expect_values(run(g, 3), {3}, {3, 7, 11});
  expect_values(run(g, 0), {0}, {});
}

TEST_CASE("reductions over the batch count the run-time batch", "[symbolic_batch]") {
  Lambda s = compiled("sum(x, axis=0)");
  CHECK(s.output_types() == std::vector<std::string>{"float32(4,)"});
  expect_values(run(s, 1), {4}, {0, 1, 2, 3});
  expect_values(run(s, 3), {4}, {12, 15, 18, 21});
  expect_values(run(s, 0), {4}, {0, 0, 0, 0});
  Lambda m = compiled("mean(x, axis=0)");
  expect_values(run(m, 3), {4}, {4, 5, 6, 7});
  expect_values(run(m, 0), {4}, {NAN, NAN, NAN, NAN});
  Lambda per_row = compiled("sum(x) / shape(x)[0]");
  expect_values(run(per_row, 1), {}, {6});
  expect_values(run(per_row, 3), {}, {22});
}

TEST_CASE("the language.md example runs on any batch", "[symbolic_batch]") {
  Lambda f = compiled("concat([relu(x - 5), relu(5 - x)], axis=1)");
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 8)"});
  expect_values(run(f, 1), {1, 8}, {0, 0, 0, 0, 5, 4, 3, 2});
  expect_values(run(f, 3), {3, 8}, {0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 1, 2, 1, 0, 0, 0, 3, 4, 5, 6, 0, 0, 0, 0});
  expect_values(run(f, 0), {0, 8}, {});
  Lambda n = compiled("l2_normalize(x, axis=-1)");
  expect_values(run(n, 1), {1, 4}, {0, 0.26726124, 0.53452248, 0.80178373});
  expect_values(run(n, 3), {3, 4},
                {0, 0.26726124, 0.53452248, 0.80178373, 0.35634832, 0.4454354, 0.53452248, 0.62360956, 0.4181667,
                 0.47043754, 0.52270837, 0.57497921});
}

TEST_CASE("an input that does not fit the signature is a run-time error", "[symbolic_batch][errors]") {
  Lambda f = compiled("x * 2");
  try {
    f.run({iota({2, 3})});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Runtime);
    CHECK_THAT(e.message(), Catch::Contains("input 'x' has shape (2, 3) but the lambda expects (None, 4)"));
  }
}
