// Elementwise work after a matmul runs as the GEMM's epilogue, on each panel of
// rows as it is computed, and gives the interpreter's values: bias and
// activation, reductions over the row (softmax), outputs of another shape,
// rows wider than a kernel tile, batched products, a second GEMM's result, and
// a result that is also returned (so it cannot be overwritten in place).
#include <catch2/catch.hpp>

#include "jit/gemm/gemm_support.h"

using namespace lamina;
using lamina::gemmtest::check_against_interpreter;

namespace {
constexpr auto None = std::nullopt;
constexpr DType f32 = DType::Float32;
const std::vector<int64_t> kBatches = {1, 3, 17, 300, 0};

/// x (None, k), w (k, n), b (n,)
std::vector<gemmtest::Operand> dense(int64_t k, int64_t n, DType t = f32) {
  return {{t, {None, k}}, {t, {k, n}}, {t, {n}}};
}
}  // namespace

TEST_CASE("bias and activation epilogues match the interpreter", "[jit][gemm][epilogue]") {
  check_against_interpreter("lambda x, w, b: relu(x @ w + b)", dense(64, 96), 64, kBatches);
  check_against_interpreter("lambda x, w, b: tanh(x @ w + b) * 0.5", dense(17, 65), 17, kBatches);
  check_against_interpreter("lambda x, w, b: sigmoid(x @ w + b)", dense(65, 3, DType::Float64), 65, kBatches);
}

TEST_CASE("an epilogue reducing each row matches the interpreter", "[jit][gemm][epilogue]") {
  // softmax of an 8-term sum of values in [-2, 2] stays within the transcendental family, scaled by the sum's error.
  check_against_interpreter("lambda x, w: softmax(x @ w, axis=-1)", {{f32, {None, 8}}, {f32, {8, 33}}}, 8, kBatches,
                            difftest::reduction(8, 4, difftest::kTranscendental));
  check_against_interpreter("lambda x, w: sum(x @ w, axis=-1)", {{f32, {None, 8}}, {f32, {8, 33}}}, 8 * 33, kBatches);
}

TEST_CASE("an epilogue over rows wider than a kernel tile matches the interpreter", "[jit][gemm][epilogue]") {
  check_against_interpreter("lambda x, w, b: relu(x @ w + b)", dense(8, 5000), 8, {1, 3, 40, 0});
}

TEST_CASE("epilogues of batched products match the interpreter", "[jit][gemm][epilogue]") {
  check_against_interpreter("lambda x, y: relu(x @ y + 1.0)", {{f32, {None, 5, 17}}, {f32, {None, 17, 3}}}, 17);
  check_against_interpreter("lambda x, w: abs(x @ w) - 1", {{f32, {None, 5, 17}}, {f32, {17, 65}}}, 17);
}

TEST_CASE("an epilogue reading another product's result matches the interpreter", "[jit][gemm][epilogue]") {
  check_against_interpreter("lambda x, u, v: relu(x @ u + x @ v)", {{f32, {None, 17}}, {f32, {17, 65}}, {f32, {17, 65}}},
                            34, kBatches);
}

TEST_CASE("epilogues that cannot overwrite the product in place match the interpreter", "[jit][gemm][epilogue]") {
  // The product is also returned; the epilogue reads it reversed; its output has another shape.
  check_against_interpreter("lambda x, w: y = x @ w; return relu(y), y", {{f32, {None, 17}}, {f32, {17, 65}}}, 17,
                            kBatches);
  check_against_interpreter("lambda x, w: (x @ w)[:, ::-1] + 1", {{f32, {None, 17}}, {f32, {17, 65}}}, 17, kBatches);
  check_against_interpreter("lambda x, w: concat([x @ w, x], axis=-1) * 2", {{f32, {None, 17}}, {f32, {17, 65}}}, 17,
                            kBatches);
  // Not row by row: the transpose reads every row of the product for each output row.
  check_against_interpreter("lambda a, b: transpose(a @ b) + 1", {{f32, {17, 3}}, {f32, {3, 65}}}, 3, {1});
}

TEST_CASE("an epilogue writing into preallocated outputs matches the interpreter", "[jit][gemm][epilogue]") {
  std::string source = "lambda x, w, b: relu(x @ w + b)";
  Lambda f = Lambda::compile(source, {{"x", f32, {None, 64}}, {"w", f32, {64, 96}}, {"b", f32, {96}}});
  std::vector<Tensor> inputs = gemmtest::random_inputs(dense(64, 96), 300, 7);
  std::vector<Tensor> outputs = {Tensor::zeros(f32, {300, 96})};
  f.run_into(inputs, outputs, Engine::Jit);
  difftest::Outcome r = difftest::compare_results(f.run(inputs, Engine::Interpreter), outputs,
                                                  difftest::reduction(64, 4), source);
  INFO(r.report);
  CHECK(r.ok);
}
