// The GEMM splits its output into panels by shape alone, so products and their
// epilogues give the same bits at 1, 2 and 4 threads.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "jit/gemm/gemm_support.h"
#include "runtime/thread_pool.h"

using namespace lamina;

namespace {
constexpr auto None = std::nullopt;
constexpr DType f32 = DType::Float32;

void check_invariant(const std::string& source, const std::vector<gemmtest::Operand>& operands, int64_t batch) {
  std::vector<InputSignature> signatures;
  std::vector<std::string> names = Lambda::parameter_names(source);
  for (size_t i = 0; i < operands.size(); ++i) signatures.push_back({names[i], operands[i].dtype, operands[i].shape});
  Lambda f = Lambda::compile(source, signatures);
  std::vector<Tensor> inputs = gemmtest::random_inputs(operands, batch, 11);
  gemmtest::ThreadCountGuard guard;
  set_num_threads(1);
  std::vector<Tensor> one = f.run(inputs, Engine::Jit);
  for (int threads : {2, 4}) {
    set_num_threads(threads);
    difftest::Outcome r = difftest::compare_bits(
        one, f.run(inputs, Engine::Jit),
        fmt::format("{} on {}: 1 thread and {} threads", source, difftest::describe_inputs(inputs), threads));
    INFO(r.report);
    CHECK(r.ok);
  }
}
}  // namespace

TEST_CASE("GEMM results are bit-identical at 1 2 and 4 threads", "[jit][gemm][threads]") {
  // Many row panels.
  check_invariant("lambda x, w, b: relu(x @ w + b)", {{f32, {None, 300}}, {f32, {300, 257}}, {f32, {257}}}, 1000);
  // Few rows: the columns are split too, and the last panel of a row runs the epilogue.
  check_invariant("lambda x, w, b: tanh(x @ w + b)", {{f32, {None, 129}}, {f32, {129, 3000}}, {f32, {3000}}}, 5);
  // Batched and transposed, float64.
  check_invariant("lambda x, y: softmax(x @ transpose(y, (0, 2, 1)), axis=-1)",
                  {{DType::Float64, {None, 70, 33}}, {DType::Float64, {None, 90, 33}}}, 9);
}
