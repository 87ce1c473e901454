// Running a lambda from C: inputs and outputs bound to the host's tensors without copies.

#include <fmt/format.h>

#include <memory>

#include "capi/boundary.h"
#include "capi/binding.h"

namespace lamina::capi {

namespace {

std::string input_names(const std::vector<Signature>& inputs) {
  std::string names;
  for (const auto& in : inputs) names += (names.empty() ? "" : ", ") + in.name;
  return names;
}

/// Whether two tensors' bytes overlap (empty tensors overlap nothing).
bool overlap(const Tensor& a, const Tensor& b) {
  if (a.nbytes() == 0 || b.nbytes() == 0) return false;
  auto a0 = reinterpret_cast<uintptr_t>(a.raw()), b0 = reinterpret_cast<uintptr_t>(b.raw());
  return a0 < b0 + b.nbytes() && b0 < a0 + a.nbytes();
}

}  // namespace

Engine engine_from_c(lamina_engine engine) {
  switch (engine) {
    case LAMINA_ENGINE_JIT: return Engine::Jit;
    case LAMINA_ENGINE_INTERPRETER: return Engine::Interpreter;
  }
  invalid(fmt::format("engine {} is not a lamina_engine (LAMINA_ENGINE_JIT or LAMINA_ENGINE_INTERPRETER)",
                      static_cast<int>(engine)));
}

void check_index(const void* handle, const char* callee, size_t index, size_t count, const char* what) {
  if (!handle) invalid(fmt::format("{} is NULL", callee));
  if (index >= count)
    invalid(fmt::format("the {} has {} {}(s), so there is no {} {}", callee, count, what, what, index));
}

void report_signature(const Signature& s, lamina_dtype* dtype, int* rank, const int64_t** dims) {
  if (dtype) *dtype = s.dtype;
  if (rank) *rank = static_cast<int>(s.dims.size());
  if (dims) *dims = s.dims.empty() ? nullptr : s.dims.data();
}

std::vector<Tensor> bind_inputs(const std::vector<Signature>& signature, const char* what,
                                lamina_tensor* const* inputs, size_t count) {
  if (count != signature.size())
    invalid(fmt::format("the {} takes {} input(s) ({}) but input_count is {}", what, signature.size(),
                        input_names(signature), count));
  if (count > 0 && !inputs) invalid(fmt::format("inputs is NULL but input_count is {}", count));
  std::vector<Tensor> bound;
  for (size_t i = 0; i < count; ++i) {
    if (!inputs[i]) invalid(fmt::format("inputs[{}] (input '{}') is NULL", i, signature[i].name));
    const Tensor& t = inputs[i]->tensor;
    if (t.dtype() == DType::Bool) {  // a host's byte 2 is neither True nor False to the kernels
      const auto* bytes = t.data<uint8_t>();
      for (int64_t e = 0; e < t.size(); ++e)
        if (bytes[e] > 1)
          invalid(fmt::format("input '{}' holds the byte {} at element {}; bool elements must be 0 or 1",
                              signature[i].name, bytes[e], e));
    }
    bound.push_back(t);
  }
  return bound;
}

void check_output_count(const std::vector<Signature>& results, const char* what, const void* outputs, size_t count) {
  if (count != results.size())
    invalid(fmt::format("the {} has {} result(s) but output_count is {}", what, results.size(), count));
  if (count > 0 && !outputs) invalid(fmt::format("outputs is NULL but output_count is {}", count));
}

std::vector<Tensor> bind_outputs(const std::vector<Signature>& inputs, const std::vector<Tensor>& bound_inputs,
                                 lamina_tensor* const* outputs, size_t count) {
  std::vector<Tensor> out;
  for (size_t i = 0; i < count; ++i) {
    if (!outputs[i]) invalid(fmt::format("outputs[{}] is NULL", i));
    const Tensor& t = outputs[i]->tensor;
    for (size_t j = 0; j < bound_inputs.size(); ++j)
      if (overlap(t, bound_inputs[j]))
        invalid(fmt::format("outputs[{}] overlaps input '{}'; a run does not work in place, so give each result "
                            "a buffer of its own", i, inputs[j].name));
    for (size_t j = 0; j < i; ++j)
      if (overlap(t, out[j])) invalid(fmt::format("outputs[{}] overlaps outputs[{}]; give each result a buffer of its own", i, j));
    out.push_back(t);
  }
  return out;
}

void hand_out_results(std::vector<Tensor> results, const std::vector<Tensor>& inputs, lamina_tensor** outputs,
                      size_t count) {
  if (results.size() != count)
    throw Error(ErrorKind::Internal, fmt::format("the run gave {} results where it declares {}", results.size(), count));
  std::vector<std::unique_ptr<lamina_tensor>> handles;
  for (size_t i = 0; i < results.size(); ++i) {
    bool shared = false;
    for (const Tensor& t : inputs) shared = shared || overlap(results[i], t);
    for (size_t j = 0; j < i; ++j) shared = shared || overlap(results[i], handles[j]->tensor);
    handles.push_back(std::make_unique<lamina_tensor>(lamina_tensor{shared ? results[i].clone() : results[i]}));
  }
  for (size_t i = 0; i < count; ++i) outputs[i] = handles[i].release();
}

}  // namespace lamina::capi

extern "C" {

lamina_status* lamina_lambda_run(const lamina_lambda* lambda, lamina_engine engine, lamina_tensor* const* inputs,
                                 size_t input_count, lamina_tensor** outputs, size_t output_count) {
  using namespace lamina::capi;
  return boundary("lamina_lambda_run", [&] {
    if (outputs)  // the caller says the array has output_count entries
      for (size_t i = 0; i < output_count; ++i) outputs[i] = nullptr;
    require(lambda != nullptr, "lambda is NULL");
    check_output_count(lambda->outputs, "lambda", outputs, output_count);
    lamina::Engine e = engine_from_c(engine);
    std::vector<lamina::Tensor> in = bind_inputs(lambda->inputs, "lambda", inputs, input_count);
    hand_out_results(lambda->lambda.run(in, e), in, outputs, output_count);
  });
}

lamina_status* lamina_lambda_run_into(const lamina_lambda* lambda, lamina_engine engine,
                                      lamina_tensor* const* inputs, size_t input_count,
                                      lamina_tensor* const* outputs, size_t output_count) {
  using namespace lamina::capi;
  return boundary("lamina_lambda_run_into", [&] {
    require(lambda != nullptr, "lambda is NULL");
    check_output_count(lambda->outputs, "lambda", outputs, output_count);
    lamina::Engine e = engine_from_c(engine);
    std::vector<lamina::Tensor> in = bind_inputs(lambda->inputs, "lambda", inputs, input_count);
    std::vector<lamina::Tensor> out = bind_outputs(lambda->inputs, in, outputs, output_count);
    lambda->lambda.run_into(in, out, e);
  });
}

}  // extern "C"
