// Compiling a lambda from C, and what a compiled lambda reports about its inputs and results.

#include <fmt/format.h>

#include <memory>

#include "capi/binding.h"
#include "capi/boundary.h"
#include "capi/convert.h"
#include "capi/handles.h"

namespace lamina::capi {

namespace {

std::vector<InputSignature> signatures_from_c(const lamina_input_signature* inputs, size_t count) {
  if (count > 0 && !inputs) invalid(fmt::format("inputs is NULL but input_count is {}", count));
  std::vector<InputSignature> out;
  for (size_t i = 0; i < count; ++i) {
    const lamina_input_signature& in = inputs[i];
    if (!in.name) invalid(fmt::format("inputs[{}].name is NULL; give the input's name in the lambda's header", i));
    std::string what = fmt::format("input '{}'", in.name);
    out.push_back({in.name, dtype_from_c(in.dtype, what), signature_dims_from_c(in.rank, in.dims, what)});
  }
  return out;
}

}  // namespace

}  // namespace lamina::capi

extern "C" {

lamina_status* lamina_lambda_compile(const char* source, const lamina_input_signature* inputs, size_t input_count,
                                     const lamina_arguments* arguments, lamina_lambda** out) {
  using namespace lamina::capi;
  if (out) *out = nullptr;
  return boundary("lamina_lambda_compile", [&] {
    require(out != nullptr, "out is NULL; pass the address of a lamina_lambda* to receive the lambda");
    require(source != nullptr, "source is NULL; pass the lambda's text, e.g. \"lambda x: x * 2\"");
    std::vector<lamina::InputSignature> signatures = signatures_from_c(inputs, input_count);
    auto handle = std::make_unique<lamina_lambda>();
    handle->lambda = lamina::Lambda::compile(source, signatures, arguments ? arguments->values
                                                                           : std::map<std::string, lamina::Argument>{});
    for (const auto& in : handle->lambda.input_signatures())
      handle->inputs.push_back({in.name, dtype_to_c(in.dtype), signature_dims_to_c(in.shape)});
    for (const auto& result : handle->lambda.output_signatures())
      handle->outputs.push_back({"", dtype_to_c(result.dtype), signature_dims_to_c(result.shape)});
    *out = handle.release();
  });
}

void lamina_lambda_free(lamina_lambda* lambda) { delete lambda; }

size_t lamina_lambda_input_count(const lamina_lambda* lambda) { return lambda ? lambda->inputs.size() : 0; }

size_t lamina_lambda_output_count(const lamina_lambda* lambda) { return lambda ? lambda->outputs.size() : 0; }

lamina_status* lamina_lambda_input(const lamina_lambda* lambda, size_t index, const char** name, lamina_dtype* dtype,
                                   int* rank, const int64_t** dims) {
  using namespace lamina::capi;
  return boundary("lamina_lambda_input", [&] {
    check_index(lambda, "lambda", index, lamina_lambda_input_count(lambda), "input");
    const lamina_lambda::Signature& s = lambda->inputs[index];
    if (name) *name = s.name.c_str();
    report_signature(s, dtype, rank, dims);
  });
}

lamina_status* lamina_lambda_output(const lamina_lambda* lambda, size_t index, lamina_dtype* dtype, int* rank,
                                    const int64_t** dims) {
  using namespace lamina::capi;
  return boundary("lamina_lambda_output", [&] {
    check_index(lambda, "lambda", index, lamina_lambda_output_count(lambda), "output");
    report_signature(lambda->outputs[index], dtype, rank, dims);
  });
}

}  // extern "C"
