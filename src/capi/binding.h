#pragma once
// Binding a C caller's tensors to the inputs and outputs of a lambda or a model:
// the checks both kinds of handle share (counts, NULLs, bool bytes, overlaps).

#include <cstddef>
#include <vector>

#include "capi/handles.h"

namespace lamina::capi {

Engine engine_from_c(lamina_engine engine);

/// Checks a query's handle and index: `callee` ("lambda", "model") names the handle,
/// `what` ("input", "output") the list of `count` entries.
void check_index(const void* handle, const char* callee, size_t index, size_t count, const char* what);

/// Stores an input's or output's dtype, rank and dims (-1 for run-time sizes) in the
/// out-pointers that are not NULL; *dims is owned by the handle.
void report_signature(const Signature& s, lamina_dtype* dtype, int* rank, const int64_t** dims);

/// The inputs of a run, checked for count, NULLs and bool bytes; the tensors share the
/// handles' storage. `what` names the callee in messages ("lambda", "model").
std::vector<Tensor> bind_inputs(const std::vector<Signature>& signature, const char* what,
                                lamina_tensor* const* inputs, size_t count);

/// Checks `count` against the callee's result count and `outputs` against NULL.
void check_output_count(const std::vector<Signature>& results, const char* what, const void* outputs, size_t count);

/// Caller-provided outputs for a run into them: none NULL, none overlapping an input or another output.
std::vector<Tensor> bind_outputs(const std::vector<Signature>& inputs, const std::vector<Tensor>& bound_inputs,
                                 lamina_tensor* const* outputs, size_t count);

/// One handle per result, each with storage of its own (a result that is an input
/// passed through, or the same value twice, is copied), stored in outputs[0..n-1].
void hand_out_results(std::vector<Tensor> results, const std::vector<Tensor>& inputs, lamina_tensor** outputs,
                      size_t count);

}  // namespace lamina::capi
