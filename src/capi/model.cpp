// Loading a model file from C, what a model reports about its inputs and outputs, and running it.

#include <fmt/format.h>

#include <memory>

#include "capi/binding.h"
#include "capi/boundary.h"
#include "capi/convert.h"
#include "lamina/model_file.h"

extern "C" {

lamina_status* lamina_model_load(const char* path, lamina_model** out) {
  using namespace lamina::capi;
  if (out) *out = nullptr;
  return boundary("lamina_model_load", [&] {
    require(out != nullptr, "out is NULL; pass the address of a lamina_model* to receive the model");
    require(path != nullptr, "path is NULL; pass the model file's path");
    auto handle = std::make_unique<lamina_model>(lamina_model{lamina::load_model(path), {}, {}, {}});
    for (const lamina::SymbolicTensor& in : handle->model.inputs())
      handle->inputs.push_back({in.layer_name(), dtype_to_c(in.dtype()), signature_dims_to_c(in.shape())});
    for (const lamina::SymbolicTensor& result : handle->model.outputs())
      handle->outputs.push_back({"", dtype_to_c(result.dtype()), signature_dims_to_c(result.shape())});
    handle->summary = handle->model.summary();
    *out = handle.release();
  });
}

void lamina_model_free(lamina_model* model) { delete model; }

size_t lamina_model_input_count(const lamina_model* model) { return model ? model->inputs.size() : 0; }

size_t lamina_model_output_count(const lamina_model* model) { return model ? model->outputs.size() : 0; }

lamina_status* lamina_model_input(const lamina_model* model, size_t index, const char** name, lamina_dtype* dtype,
                                  int* rank, const int64_t** dims) {
  using namespace lamina::capi;
  return boundary("lamina_model_input", [&] {
    check_index(model, "model", index, lamina_model_input_count(model), "input");
    if (name) *name = model->inputs[index].name.c_str();
    report_signature(model->inputs[index], dtype, rank, dims);
  });
}

lamina_status* lamina_model_output(const lamina_model* model, size_t index, lamina_dtype* dtype, int* rank,
                                   const int64_t** dims) {
  using namespace lamina::capi;
  return boundary("lamina_model_output", [&] {
    check_index(model, "model", index, lamina_model_output_count(model), "output");
    report_signature(model->outputs[index], dtype, rank, dims);
  });
}

lamina_status* lamina_model_run(const lamina_model* model, lamina_engine engine, lamina_tensor* const* inputs,
                                size_t input_count, lamina_tensor** outputs, size_t output_count) {
  using namespace lamina::capi;
  return boundary("lamina_model_run", [&] {
    if (outputs)
      for (size_t i = 0; i < output_count; ++i) outputs[i] = nullptr;
    require(model != nullptr, "model is NULL");
    check_output_count(model->outputs, "model", outputs, output_count);
    lamina::Engine e = engine_from_c(engine);
    std::vector<lamina::Tensor> in = bind_inputs(model->inputs, "model", inputs, input_count);
    hand_out_results(model->model.predict(in, 0, e), in, outputs, output_count);
  });
}

lamina_status* lamina_model_run_into(const lamina_model* model, lamina_tensor* const* inputs, size_t input_count,
                                     lamina_tensor* const* outputs, size_t output_count) {
  using namespace lamina::capi;
  return boundary("lamina_model_run_into", [&] {
    require(model != nullptr, "model is NULL");
    check_output_count(model->outputs, "model", outputs, output_count);
    std::vector<lamina::Tensor> in = bind_inputs(model->inputs, "model", inputs, input_count);
    std::vector<lamina::Tensor> out = bind_outputs(model->inputs, in, outputs, output_count);
    model->model.predict_into(in, out);
  });
}

const char* lamina_model_summary(const lamina_model* model) { return model ? model->summary.c_str() : ""; }

}  // extern "C"
