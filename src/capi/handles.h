#pragma once
// What the C API's opaque handles hold. Each wraps the C++ object it stands for, plus
// whatever the C functions hand out pointers to (which must live as long as the handle).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lamina/lamina.h"
#include "lamina/lambda.h"
#include "lamina/model.h"
#include "lamina/tensor.h"

struct lamina_status {
  lamina_code code = LAMINA_OK;
  std::string message;
  int line = 0;
  int column = 0;
};

struct lamina_tensor {
  lamina::Tensor tensor;
};

struct lamina_arguments {
  std::map<std::string, lamina::Argument> values;
};

namespace lamina::capi {
/// An input or output as the C functions report it: -1 for a dim known only at run time.
struct Signature {
  std::string name;  // empty for outputs
  lamina_dtype dtype = LAMINA_FLOAT32;
  std::vector<int64_t> dims;
};
}  // namespace lamina::capi

struct lamina_lambda {
  using Signature = lamina::capi::Signature;
  lamina::Lambda lambda;
  std::vector<Signature> inputs;
  std::vector<Signature> outputs;
};

struct lamina_model {
  using Signature = lamina::capi::Signature;
  lamina::Model model;
  std::vector<Signature> inputs;
  std::vector<Signature> outputs;
  std::string summary;
};
