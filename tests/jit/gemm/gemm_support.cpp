#include "jit/gemm/gemm_support.h"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "lamina/lambda.h"
#include "runtime/thread_pool.h"

namespace lamina::gemmtest {

std::vector<Tensor> random_inputs(const std::vector<Operand>& operands, int64_t batch, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Tensor> inputs;
  for (const Operand& op : operands) {
    Dims dims;
    for (const auto& d : op.shape) dims.push_back(d ? *d : batch);
    inputs.push_back(difftest::random_tensor(rng, op.dtype, dims, {-2, 2, 0.0}));
  }
  return inputs;
}

void check_against_interpreter(const std::string& source, const std::vector<Operand>& operands, int64_t k,
                               const std::vector<int64_t>& batches, std::optional<difftest::Tolerance> tolerance) {
  std::vector<InputSignature> signatures;
  std::vector<std::string> names = Lambda::parameter_names(source);
  for (size_t i = 0; i < operands.size(); ++i) signatures.push_back({names.at(i), operands[i].dtype, operands[i].shape});
  Lambda f = Lambda::compile(source, signatures);
  difftest::Tolerance tol = tolerance ? *tolerance : difftest::reduction(k, 4);
  for (int64_t batch : batches) {
    std::vector<Tensor> inputs = random_inputs(operands, batch, std::hash<std::string>{}(source) + static_cast<uint64_t>(batch));
    difftest::Outcome r = difftest::compare(f, source, inputs, tol);
    INFO(fmt::format("at batch {}\n{}", batch, r.report));
    CHECK(r.ok);
  }
}

ThreadCountGuard::ThreadCountGuard() : saved(num_threads()) {}
ThreadCountGuard::~ThreadCountGuard() { set_num_threads(saved); }

}  // namespace lamina::gemmtest
