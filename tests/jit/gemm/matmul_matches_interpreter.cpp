// Float matmuls run on the GEMM and give the interpreter's values (within the
// float32 summation tolerance): matrices, vectors, batched and broadcast
// products, transposed operands, and sizes 1, 3, 17 and 65 that leave partial
// vectors and panels everywhere.
#include <catch2/catch.hpp>

#include <limits>

#include "jit/gemm/gemm_support.h"

using namespace lamina;
using lamina::gemmtest::check_against_interpreter;
using lamina::gemmtest::Operand;

namespace {
constexpr auto None = std::nullopt;
const int64_t kSizes[] = {1, 3, 17, 65};
}  // namespace

TEST_CASE("batch times matrix products match the interpreter at odd sizes", "[jit][gemm]") {
  for (DType t : {DType::Float32, DType::Float64})
    for (int64_t k : kSizes)
      for (int64_t n : kSizes)
        check_against_interpreter("lambda x, w: x @ w", {{t, {None, k}}, {t, {k, n}}}, k);
}

TEST_CASE("fixed-size matrix products match the interpreter at odd sizes", "[jit][gemm]") {
  for (int64_t m : kSizes)
    for (int64_t k : kSizes)
      for (int64_t n : {int64_t{1}, int64_t{17}, int64_t{65}})
        check_against_interpreter("lambda a, b: matmul(a, b)", {{DType::Float32, {m, k}}, {DType::Float32, {k, n}}}, k,
                                  {1});
}

TEST_CASE("products with a vector operand match the interpreter", "[jit][gemm]") {
  for (DType t : {DType::Float32, DType::Float64}) {
    check_against_interpreter("lambda x, v: x @ v", {{t, {None, 17}}, {t, {17}}}, 17);
    check_against_interpreter("lambda v, w: v @ w", {{t, {65}}, {t, {65, 3}}}, 65, {1});
    check_against_interpreter("lambda u, v: u @ v", {{t, {17}}, {t, {17}}}, 17, {1});
    check_against_interpreter("lambda x, y: dot(x, y)", {{t, {None, 3}}, {t, {3, 65}}}, 3);
  }
}

TEST_CASE("batched and broadcast products match the interpreter", "[jit][gemm]") {
  using F = Operand;
  constexpr DType f = DType::Float32;
  check_against_interpreter("lambda x, y: x @ y", {F{f, {None, 5, 17}}, F{f, {None, 17, 3}}}, 17);
  // One weight matrix for every matrix of the batch (one taller product inside the GEMM).
  check_against_interpreter("lambda x, w: x @ w", {F{f, {None, 3, 17}}, F{f, {17, 65}}}, 17);
  // One left matrix for every right matrix of the batch.
  check_against_interpreter("lambda w, x: w @ x", {F{f, {5, 17}}, F{f, {None, 17, 3}}}, 17);
  // Batch dims broadcast against each other.
  check_against_interpreter("lambda x, y: x @ y", {F{f, {None, 1, 3, 17}}, F{f, {4, 17, 5}}}, 17);
  check_against_interpreter("lambda x, y: x @ y", {F{f, {None, 4, 3, 17}}, F{f, {1, 17, 5}}}, 17);
  check_against_interpreter("lambda x, y: batch_dot(x, y, axes=(2, 1))",
                            {F{DType::Float64, {None, 3, 65}}, F{DType::Float64, {None, 65, 2}}}, 65);
}

TEST_CASE("transposed operands are read in place and match the interpreter", "[jit][gemm]") {
  using F = Operand;
  constexpr DType f = DType::Float32;
  check_against_interpreter("lambda x, w: x @ transpose(w)", {F{f, {None, 17}}, F{f, {65, 17}}}, 17);
  check_against_interpreter("lambda x: x @ transpose(x, (0, 2, 1))", {F{f, {None, 3, 65}}}, 65);
  check_against_interpreter("lambda x, y: transpose(x, (0, 2, 1)) @ y", {F{f, {None, 17, 3}}, F{f, {None, 17, 5}}}, 17);
  check_against_interpreter("lambda a, b: transpose(a) @ transpose(b)", {F{f, {17, 65}}, F{f, {3, 17}}}, 17, {1});
  check_against_interpreter("lambda x, w: permute_dimensions(x, (0, 2, 1)) @ w", {F{f, {None, 17, 5}}, F{f, {17, 3}}}, 17);
}

TEST_CASE("products larger than one panel match the interpreter", "[jit][gemm]") {
  // Several row panels, and with few rows, several column panels.
  check_against_interpreter("lambda x, w: x @ w", {{DType::Float32, {None, 129}}, {DType::Float32, {129, 1000}}}, 129,
                            {2, 300});
  check_against_interpreter("lambda x, w: x @ w", {{DType::Float64, {None, 65}}, {DType::Float64, {65, 700}}}, 65,
                            {5, 211});
}

TEST_CASE("NaN and infinities propagate through the GEMM as in the interpreter", "[jit][gemm]") {
  float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
  Lambda f = Lambda::compile("lambda x, w: x @ w", {{"x", DType::Float32, {None, 3}}, {"w", DType::Float32, {3, 4}}});
  Tensor x = Tensor::zeros(DType::Float32, {4, 3});
  Tensor w = Tensor::zeros(DType::Float32, {3, 4});
  float xs[] = {inf, 1, 1, /**/ inf, -inf, 0, /**/ nan, 0, 0, /**/ 1, 2, 3};
  float ws[] = {1, 0, -1, 2, /**/ 1, 1, 1, 1, /**/ 0.5f, 0.5f, 0.5f, 0.5f};
  std::copy(std::begin(xs), std::end(xs), x.data<float>());
  std::copy(std::begin(ws), std::end(ws), w.data<float>());
  difftest::Outcome r = difftest::compare(f, "lambda x, w: x @ w", {x, w}, difftest::kArithmetic);
  INFO(r.report);
  CHECK(r.ok);
}
