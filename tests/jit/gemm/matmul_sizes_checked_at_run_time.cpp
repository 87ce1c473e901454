// A matmul whose operands' sizes depend on the batch (the batch broadcast
// against a fixed size, or contracted against one) compiles, since it fits
// some batch sizes; at the others both engines refuse the call with a Runtime
// error naming the shapes, instead of reading past an operand.
#include <catch2/catch.hpp>

#include "jit/differential/support.h"

using namespace lamina;
using Catch::Matchers::Contains;
using lamina::difftest::runtime_error;

namespace {

constexpr auto None = std::nullopt;

Tensor f32(Dims d) { return Tensor::zeros(DType::Float32, std::move(d)); }

}  // namespace

TEST_CASE("a batch broadcast against a fixed batch dimension of a matmul is checked per call", "[jit][gemm][errors]") {
  // (None, 3, 4) @ (5, 4, 2) is typed (5, 3, 2): it fits at batch 1 and 5 only.
  Lambda f = Lambda::compile("lambda x, y: x @ y", {{"x", DType::Float32, {None, 3, 4}}, {"y", DType::Float32, {5, 4, 2}}});
  for (Engine engine : {Engine::Jit, Engine::Interpreter}) {
    CHECK_THAT(runtime_error(f, {f32({3, 3, 4}), f32({5, 4, 2})}, engine),
               Contains("matmul: (3, 3, 4) @ (5, 4, 2): batch dimensions (3,) and (5,) cannot be broadcast"));
    for (int64_t batch : {1, 5}) CHECK(f.run({f32({batch, 3, 4}), f32({5, 4, 2})}, engine)[0].dims() == Dims{5, 3, 2});
  }
}

TEST_CASE("a batch contracted against a fixed size by a matmul is checked per call", "[jit][gemm][errors]") {
  // tensordot contracts x's 7 with y's batch: a (None, 7) @ (None, 21) product that fits at batch 7 only.
  Lambda f = Lambda::compile("lambda x, y: tensordot(x, y, axes=1)",
                             {{"x", DType::Float32, {None, 7}}, {"y", DType::Float32, {None, 7, 3}}});
  for (Engine engine : {Engine::Jit, Engine::Interpreter}) {
    CHECK_THAT(runtime_error(f, {f32({2, 7}), f32({2, 7, 3})}, engine),
               Contains("matmul: (2, 7) @ (2, 21): contracted dimensions 7 and 2 differ"));
    CHECK(f.run({f32({7, 7}), f32({7, 7, 3})}, engine)[0].dims() == Dims{7, 7, 3});
  }
}
