// random_normal / random_uniform (aliases normal / uniform): seeded, reproducible draws.

#include <cmath>
#include <limits>

#include "builtins/support.h"
#include "core/random.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::values;

namespace {
double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}
double stddev_of(const std::vector<double>& v) {
  double m = mean_of(v), s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size()));
}
}  // namespace

TEST_CASE("random_normal with a seed draws standard normals reproducibly", "[random]") {
  Tensor a = eval("lambda: random_normal((4000,), seed=7)");
  CHECK(a.dtype() == DType::Float32);
  CHECK(values(a) == values(eval("lambda: random_normal((4000,), seed=7)")));
  CHECK(std::abs(mean_of(values(a))) < 0.06);
  CHECK(std::abs(stddev_of(values(a)) - 1) < 0.06);
  // Element i is the documented counter-based normal(seed, i), rounded to float32.
  CHECK(a.get_f64(0) == Approx(static_cast<float>(lamina::normal(7, 0))));
  CHECK(a.get_f64(123) == Approx(static_cast<float>(lamina::normal(7, 123))));
  CHECK(values(a) != values(eval("lambda: random_normal((4000,), seed=8)")));
}

TEST_CASE("random_normal mean and stddev", "[random]") {
  expect_values(eval("lambda: random_normal((3,), mean=2.0, stddev=0.0)"), {3}, {2, 2, 2});
  std::vector<double> v = values(eval("lambda: normal((2, 2000), mean=-1, stddev=3, seed=1)"));
  CHECK(std::abs(mean_of(v) + 1) < 0.15);
  CHECK(std::abs(stddev_of(v) - 3) < 0.15);
}

TEST_CASE("random_uniform draws from minval up to but excluding maxval", "[random]") {
  Tensor u = eval("lambda: random_uniform((4000,), minval=-1, maxval=3, seed=3)");
  for (double x : values(u)) {
    REQUIRE(x >= -1);
    REQUIRE(x < 3);
  }
  CHECK(std::abs(mean_of(values(u)) - 1) < 0.1);
  CHECK(u.get_f64(5) == Approx(static_cast<float>(-1 + 4 * lamina::uniform01(3, 5))));
  expect_values(eval("lambda: uniform((2,), minval=5, maxval=5)"), {2}, {5, 5});
  Tensor d = eval("lambda: random_uniform((2,), dtype=\"float64\", seed=1)");
  CHECK(d.dtype() == DType::Float64);
}

TEST_CASE("unseeded calls differ from each other but not between compilations", "[random]") {
  const char* src = "lambda: random_normal((8,)) - random_normal((8,))";
  std::vector<double> diff = values(eval(src));
  bool any_nonzero = false;
  for (double x : diff) any_nonzero |= x != 0;
  CHECK(any_nonzero);
  CHECK(values(eval(src)) == diff);
}

TEST_CASE("the VAE sampling trick with a run-time batch", "[random]") {
  auto f = Lambda::compile("lambda m, v: m + exp(0.5 * v) * random_normal(shape(m))",
                           {{"m", DType::Float32, {std::nullopt, 2}}, {"v", DType::Float32, {std::nullopt, 2}}});
  CHECK(f.output_types() == std::vector<std::string>{"float32(None, 2)"});
  Tensor m = test::iota({3, 2});
  double inf = std::numeric_limits<double>::infinity();
  // exp(-inf) = 0: no noise, the mean comes back exactly.
  expect_values(f.run({m, test::tensor({3, 2}, {-inf, -inf, -inf, -inf, -inf, -inf})})[0], {3, 2}, {0, 1, 2, 3, 4, 5});
  Tensor noisy = f.run({m, test::tensor({3, 2}, {0, 0, 0, 0, 0, 0})})[0];
  REQUIRE(noisy.dims() == Dims{3, 2});
  CHECK(values(noisy) != values(m));
}

TEST_CASE("random parameters may be tensors", "[random]") {
  Tensor x = test::tensor({2, 2}, {1, -2, 3, 10});
  expect_values(eval("random_normal(shape(x), mean=x, stddev=0.0)", x), {2, 2}, {1, -2, 3, 10});
  Tensor u = eval("random_uniform(shape(x), minval=x, maxval=x + 1)", x);
  for (int64_t i = 0; i < 4; ++i) {
    CHECK(u.get_f64(i) >= x.get_f64(i));
    CHECK(u.get_f64(i) < x.get_f64(i) + 1);
  }
}

TEST_CASE("random builtins report integer dtypes and bad shapes", "[random][errors]") {
  Error dtype = test::compile_error("lambda: random_normal((2,), dtype=\"int32\")");
  CHECK(dtype.kind() == ErrorKind::Type);
  test::expect_error(dtype, "random_normal() draws floats, not int32", 1, 35);
  Error shape = test::compile_error("lambda: random_uniform((2, None))");
  test::expect_error(shape, "a shape must hold integers", 1, 28);
  Error seed = test::compile_error("lambda: random_uniform((2,), seed=\"a\")");
  test::expect_error(seed, "must be an integer", 1, 35);
}
