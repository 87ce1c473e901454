// param(shape, init, dtype, trainable, seed): trainable weights declared in the body.

#include <cmath>

#include "builtins/support.h"
#include "dsl/parser.h"
#include "passes/lower.h"

using namespace lamina;
using test::eval;
using test::expect_values;

namespace {

/// The lowered function, to inspect its params.
ir::Function lowered(const std::string& source, std::vector<InputSignature> sigs = {{"x", DType::Float32, {2}}}) {
  return lower_to_ir(parse(source), sigs, {});
}

std::vector<double> init_of(const ir::Function& f, size_t i = 0) { return test::values(f.params.at(i).init); }

double stddev_of(const std::vector<double>& v) {
  double m = 0, s = 0;
  for (double x : v) m += x;
  m /= static_cast<double>(v.size());
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size()));
}

double max_abs(const std::vector<double>& v) {
  double r = 0;
  for (double x : v) r = std::max(r, std::abs(x));
  return r;
}

}  // namespace

TEST_CASE("param declares a named weight used like a tensor", "[param]") {
  expect_values(eval("scale = param(shape=(), init=2.0)\nreturn x * scale", test::tensor({2}, {1, 3})), {2}, {2, 6});
  ir::Function f = lowered("scale = param(shape=(), init=2.0)\nreturn x * scale");
  REQUIRE(f.params.size() == 1);
  const ir::ParamInfo& p = f.params[0];
  CHECK(p.name == "scale");
  CHECK(p.type.dtype == DType::Float32);
  CHECK(p.type.shape.empty());
  CHECK(p.trainable);
  CHECK(f.node(p.node).op == ir::Op::Param);
  CHECK(f.node(p.node).attrs.index == 0);
  CHECK(init_of(f) == std::vector<double>{2});
}

TEST_CASE("param initial values from numbers, lists and constant initializers", "[param]") {
  ir::Function f = lowered("a = param((2, 2), init=\"ones\")\nb = param(init=[1, 2])\nc = param(3, init=0, dtype=\"int32\")\nx");
  REQUIRE(f.params.size() == 3);
  CHECK(init_of(f, 0) == std::vector<double>{1, 1, 1, 1});
  CHECK(f.params[1].init.dims() == Dims{2});
  CHECK(init_of(f, 1) == std::vector<double>{1, 2});
  CHECK(f.params[2].type.dtype == DType::Int32);
  CHECK(init_of(f, 2) == std::vector<double>{0, 0, 0});
  CHECK(f.node(f.params[2].node).attrs.index == 2);
  expect_values(eval("w = param(init=[1.0, -1.0])\nreturn x * w", test::tensor({2}, {3, 4})), {2}, {3, -4});
}

TEST_CASE("param records trainable=False", "[param]") {
  ir::Function f = lowered("w = param((2,), trainable=False)\nx + w");
  CHECK_FALSE(f.params.at(0).trainable);
}

TEST_CASE("unnamed params are numbered", "[param]") {
  ir::Function f = lowered("x * param() + param(init=0.5)");
  REQUIRE(f.params.size() == 2);
  CHECK(f.params[0].name == "param_0");
  CHECK(f.params[1].name == "param_1");
  expect_values(eval("x * param(init=3.0) + param(init=0.5)", test::tensor({2}, {1, 2})), {2}, {3.5, 6.5});
}

TEST_CASE("glorot_uniform follows Keras' fan rule", "[param]") {
  // Dense kernel (64, 10): limit = sqrt(6 / (64 + 10)).
  std::vector<double> w = init_of(lowered("w = param((64, 10), init=\"glorot_uniform\")\nx"));
  double limit = std::sqrt(6.0 / 74);
  CHECK(max_abs(w) <= limit);
  CHECK(max_abs(w) > 0.9 * limit);
  CHECK(stddev_of(w) == Approx(limit / std::sqrt(3.0)).epsilon(0.1));
  // Conv kernel (3, 3, 4, 8): receptive field 9, fan_in 36, fan_out 72.
  std::vector<double> k = init_of(lowered("k = param((3, 3, 4, 8), init=\"GlorotUniform\")\nx"));
  CHECK(max_abs(k) <= std::sqrt(6.0 / 108));
  CHECK(max_abs(k) > 0.9 * std::sqrt(6.0 / 108));
}

TEST_CASE("normal and fan-in initializers have Keras' spread", "[param]") {
  CHECK(stddev_of(init_of(lowered("w = param((100, 50), init=\"he_normal\")\nx"))) ==
        Approx(std::sqrt(2.0 / 100)).epsilon(0.1));
  CHECK(stddev_of(init_of(lowered("w = param((100, 50), init=\"glorot_normal\")\nx"))) ==
        Approx(std::sqrt(2.0 / 150)).epsilon(0.1));
  CHECK(stddev_of(init_of(lowered("w = param((100, 50), init=\"lecun_normal\")\nx"))) ==
        Approx(std::sqrt(1.0 / 100)).epsilon(0.1));
  CHECK(stddev_of(init_of(lowered("w = param((100, 50), init=\"random_normal\")\nx"))) == Approx(0.05).epsilon(0.1));
  // Rank 1: fan_in = fan_out = shape[0].
  std::vector<double> b = init_of(lowered("b = param((300,), init=\"lecun_uniform\")\nx"));
  CHECK(max_abs(b) <= std::sqrt(3.0 / 300));
  CHECK(max_abs(b) > 0.9 * std::sqrt(3.0 / 300));
  std::vector<double> h = init_of(lowered("b = param((300,), init=\"he_uniform\")\nx"));
  CHECK(max_abs(h) <= std::sqrt(6.0 / 300));
  std::vector<double> u = init_of(lowered("b = param((300,), init=\"random_uniform\")\nx"));
  CHECK(max_abs(u) <= 0.05);
  CHECK(max_abs(u) > 0.045);
}

TEST_CASE("random initial values depend on the seed or the name, not the run", "[param]") {
  const char* src = "w = param((4, 4), init=\"glorot_uniform\")\nx";
  CHECK(init_of(lowered(src)) == init_of(lowered(src)));
  CHECK(init_of(lowered(src)) != init_of(lowered("v = param((4, 4), init=\"glorot_uniform\")\nx")));
  CHECK(init_of(lowered("w = param((4, 4), init=\"he_normal\", seed=5)\nx")) ==
        init_of(lowered("v = param((4, 4), init=\"he_normal\", seed=5)\nx")));
  CHECK(init_of(lowered("w = param((4, 4), init=\"he_normal\", seed=5)\nx")) !=
        init_of(lowered("w = param((4, 4), init=\"he_normal\", seed=6)\nx")));
}

TEST_CASE("param reports unknown initializers with a suggestion", "[param][errors]") {
  Error e = test::compile_error("w = param((2, 2), init=\"glorot_unifrom\")\nx", std::vector<std::optional<int64_t>>{2});
  CHECK(e.kind() == ErrorKind::Value);
  test::expect_error(e, "unknown initializer 'glorot_unifrom'", 1, 24);
  CHECK_THAT(e.hint(), Catch::Contains("did you mean 'glorot_uniform'?"));
  CHECK_THAT(e.hint(), Catch::Contains("he_normal"));
  Error far = test::compile_error("w = param((2, 2), init=\"orthogonal\")\nx", std::vector<std::optional<int64_t>>{2});
  CHECK_THAT(far.hint(), Catch::Contains("supported initializers: zeros, ones"));
}

TEST_CASE("param reports duplicate names with both places", "[param][errors]") {
  Error e = test::compile_error("w = param()\nw = param()\nx * w", std::vector<std::optional<int64_t>>{2});
  CHECK(e.kind() == ErrorKind::Name);
  test::expect_error(e, "param 'w' is declared twice (at 1:5 and 2:5)", 2, 5);
}

TEST_CASE("param needs a shape known before run time", "[param][errors]") {
  Error none = test::compile_error("w = param((None, 2))\nx", std::vector<std::optional<int64_t>>{2});
  test::expect_error(none, "a shape must hold integers", 1, 12);
  Error batch = test::compile_error("w = param(shape(x))\nx", {std::nullopt, 2});
  CHECK(batch.kind() == ErrorKind::Shape);
  test::expect_error(batch, "param() needs a shape known before run time, got (None, 2)", 1, 11);
  Error huge = test::compile_error("w = param((100000, 100000))\nx", std::vector<std::optional<int64_t>>{2});
  CHECK(huge.kind() == ErrorKind::Limit);
}

TEST_CASE("param reports mismatched or unusable inits", "[param][errors]") {
  Error shape = test::compile_error("w = param((3,), init=[1, 2])\nx", std::vector<std::optional<int64_t>>{2});
  test::expect_error(shape, "init has shape (2,) but the param's shape is (3,)", 1, 22);
  Error ints = test::compile_error("w = param((2,), init=\"he_normal\", dtype=\"int32\")\nx", std::vector<std::optional<int64_t>>{2});
  CHECK(ints.kind() == ErrorKind::Type);
  test::expect_error(ints, "draws floats", 1, 22);
  Error kind = test::compile_error("w = param((2,), init=x)\nx", std::vector<std::optional<int64_t>>{2});
  test::expect_error(kind, "init must be a number, an initializer name or a list of numbers", 1, 22);
}
