// Bad input at run time through the JIT engine — a wrong dtype, a wrong inner
// shape or rank, a wrong number of inputs, disagreeing batch sizes — gets a
// lamina::Error of kind Runtime that says what is wrong, never a crash; and a
// batch of 0 gives empty results, or the interpreter's error where the result
// is undefined (argmax over an empty batch).
#include <catch2/catch.hpp>

#include <limits>
#include <string>

#include "jit/differential/support.h"

using namespace lamina;
using Catch::Matchers::Contains;
using lamina::difftest::runtime_error;

namespace {

const std::vector<std::optional<int64_t>> kBatchBy4 = {std::nullopt, 4};

Lambda compile_x(const std::string& source, DType t = DType::Float32) {
  return Lambda::compile(source, {{"x", t, kBatchBy4}});
}

Tensor f32(Dims d) { return Tensor::zeros(DType::Float32, std::move(d)); }

}  // namespace

TEST_CASE("the JIT rejects an input of the wrong dtype", "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: x * 2");
  std::string m = runtime_error(f, {Tensor::zeros(DType::Int32, {3, 4})});
  CHECK_THAT(m, Contains("input 'x' has dtype int32 but the lambda was compiled for float32"));
  m = runtime_error(f, {Tensor::zeros(DType::Float64, {3, 4})});
  CHECK_THAT(m, Contains("input 'x' has dtype float64 but the lambda was compiled for float32"));
  Lambda g = compile_x("lambda x: x + 1", DType::Int32);
  CHECK_THAT(runtime_error(g, {f32({3, 4})}), Contains("input 'x' has dtype float32 but the lambda was compiled for int32"));
}

TEST_CASE("the JIT rejects an input of the wrong inner shape or rank", "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: softmax(x) + sum(x, axis=-1, keepdims=True)");
  CHECK_THAT(runtime_error(f, {f32({3, 5})}), Contains("input 'x' has shape (3, 5) but the lambda expects (None, 4)"));
  CHECK_THAT(runtime_error(f, {f32({12})}), Contains("input 'x' has shape (12,) but the lambda expects (None, 4)"));
  CHECK_THAT(runtime_error(f, {f32({3, 4, 1})}),
             Contains("input 'x' has shape (3, 4, 1) but the lambda expects (None, 4)"));
  CHECK_THAT(runtime_error(f, {f32({})}), Contains("input 'x' has shape () but the lambda expects (None, 4)"));
}

TEST_CASE("the JIT rejects inputs whose batch sizes disagree", "[jit][differential][errors]") {
  Lambda f = Lambda::compile("lambda x, y: x - y", {{"x", DType::Float32, kBatchBy4}, {"y", DType::Float32, kBatchBy4}});
  CHECK_THAT(runtime_error(f, {f32({3, 4}), f32({2, 4})}),
             Contains("input 'y' has shape (2, 4) but the lambda expects (None, 4)"));
}

TEST_CASE("the JIT rejects a wrong number of inputs", "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: exp(x)");
  CHECK_THAT(runtime_error(f, {f32({3, 4}), f32({3, 4})}), Contains("the lambda takes 1 input(s)") && Contains("but 2 were given"));
  CHECK_THAT(runtime_error(f, {}), Contains("the lambda takes 1 input(s)") && Contains("but 0 were given"));
}

TEST_CASE("the JIT runs a batch of 0 to empty results", "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: concat([softmax(x), x - mean(x, axis=-1, keepdims=True)], axis=-1), sum(x, axis=-1)");
  std::vector<Tensor> out = f.run({f32({0, 4})}, Engine::Jit);
  REQUIRE(out.size() == 2);
  CHECK(out[0].dims() == Dims{0, 8});
  CHECK(out[1].dims() == Dims{0});
  // Reducing over the empty batch gives the identities, as NumPy's sum and the interpreter do.
  Lambda g = compile_x("lambda x: sum(x, axis=0), max(x, axis=0)");
  std::vector<Tensor> r = g.run({f32({0, 4})}, Engine::Jit);
  REQUIRE(r.size() == 2);
  REQUIRE(r[0].dims() == Dims{4});
  for (int64_t i = 0; i < 4; ++i) {
    CHECK(r[0].get_f64(i) == 0.0);
    CHECK(r[1].get_f64(i) == -std::numeric_limits<double>::infinity());
  }
}

TEST_CASE("the JIT reports argmax over an empty batch as a run-time error", "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: argmax(x, axis=0)");
  CHECK_THAT(runtime_error(f, {f32({0, 4})}), Contains("argmax of an empty axis: axis 0 of (0, 4) has size 0"));
}

// The interpreter re-runs type inference on the concrete shapes, and so does the
// JIT when it specialises a lambda that is not batch-symbolic (argmin without an
// axis flattens the batch away): inference reports the empty axis as a Value
// error, a compile-time kind; on those run-time paths it is now Runtime, as the
// batch-symbolic JIT says (core/run_time_error.h).
TEST_CASE("argmax and argmin over an empty batch are Runtime errors in every path", "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: argmax(x, axis=0)");
  CHECK_THAT(runtime_error(f, {f32({0, 4})}, Engine::Interpreter), Contains("argmax of an empty axis"));
  Lambda g = compile_x("lambda x: argmin(x)");
  CHECK_THAT(runtime_error(g, {f32({0, 4})}), Contains("argmin of an empty axis: axis 0 of (0,) has size 0"));
}

TEST_CASE("the JIT rejects integer negative powers at run time", "[jit][differential][errors]") {
  Lambda f = Lambda::compile("lambda x, y: x ** y", {{"x", DType::Int32, kBatchBy4}, {"y", DType::Int32, kBatchBy4}});
  Tensor x = Tensor::zeros(DType::Int32, {2, 4}), y = Tensor::zeros(DType::Int32, {2, 4});
  y.set_i64(5, -1);
  CHECK_THAT(runtime_error(f, {x, y}), Contains("integers to negative integer powers are not allowed"));
}

TEST_CASE("run_into rejects outputs of the wrong shape or count", "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: x * 2");
  std::vector<Tensor> wrong_shape = {f32({3, 5})};
  try {
    f.run_into({f32({3, 4})}, wrong_shape, Engine::Jit);
    FAIL_CHECK("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Runtime);
    CHECK_THAT(e.message(), Contains("output 0 must be a float32 tensor of shape (3, 4)"));
  }
  std::vector<Tensor> two = {f32({3, 4}), f32({3, 4})};
  try {
    f.run_into({f32({3, 4})}, two, Engine::Jit);
    FAIL_CHECK("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Runtime);
    CHECK_THAT(e.message(), Contains("the lambda has 1 results but 2 outputs were given"));
  }
}

// A lambda whose shapes are not batch-symbolic (here the batch moves to the
// second position) is compiled per call for the concrete input shapes; the
// compiled signature must still be checked first.
TEST_CASE("the JIT checks the signature before specialising to the input shapes", "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: transpose(x)");
  CHECK_THAT(runtime_error(f, {f32({3, 5})}), Contains("input 'x' has shape (3, 5) but the lambda expects (None, 4)"));
  CHECK_THAT(runtime_error(f, {f32({3, 4, 2})}),
             Contains("input 'x' has shape (3, 4, 2) but the lambda expects (None, 4)"));
}

TEST_CASE("the JIT specialises a non-batch-symbolic lambda and still rejects a wrong dtype or count",
          "[jit][differential][errors]") {
  Lambda f = compile_x("lambda x: transpose(x)");
  CHECK_THAT(runtime_error(f, {Tensor::zeros(DType::Int64, {3, 4})}),
             Contains("input 'x' has dtype int64 but the lambda was compiled for float32"));
  CHECK_THAT(runtime_error(f, {f32({3, 4}), f32({3, 4})}), Contains("but 2 were given"));
  std::vector<Tensor> out = f.run({f32({3, 4})}, Engine::Jit);
  REQUIRE(out.size() == 1);
  CHECK(out[0].dims() == Dims{4, 3});
}
