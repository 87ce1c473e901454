#pragma once
// A program's inputs read from .npy files (--input NAME=PATH.npy) and its results
// written to them (--output PATH.npy): shared by `lamina eval` and `lamina bench`.

#include <map>
#include <string>
#include <vector>

#include "lamina/lambda.h"

namespace lamina::cli {

/// The tensor inputs, in the program's parameter order, with the signatures that
/// compile the program for exactly their dtypes and shapes.
struct NpyInputs {
  std::vector<std::string> names;
  std::vector<Tensor> tensors;
  std::vector<InputSignature> signatures;
};

/// Reads one .npy file per tensor input of `source` (the parameters not bound by
/// `arguments`). Throws lamina::Error for a malformed, unknown, repeated or missing
/// --input and for a file that is not a readable .npy file.
NpyInputs read_npy_inputs(const std::string& source, const std::vector<std::string>& input_pairs,
                          const std::map<std::string, Argument>& arguments);

/// Throws lamina::Error (Value) unless one --output path is given per result.
void require_output_per_result(size_t results, size_t paths);

/// Writes result i to paths[i] and prints "wrote PATH: DTYPE SHAPE" for each.
void write_npy_outputs(const std::vector<std::string>& paths, const std::vector<Tensor>& results);

}  // namespace lamina::cli
