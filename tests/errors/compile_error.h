#pragma once
// Compiles a lambda that must fail and returns the error it raised.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "lamina/lambda.h"

namespace lamina::testing {

inline std::vector<InputSignature> batch_of(int64_t features) {
  return {{"x", DType::Float32, {std::nullopt, features}}};
}

inline Error compile_error(const std::string& source, const std::vector<InputSignature>& inputs = batch_of(4),
                           const std::map<std::string, Argument>& arguments = {}) {
  try {
    Lambda::compile(source, inputs, arguments);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a compile error for: " << source);
  throw;  // unreachable
}

inline Error run_error(const Lambda& f, const std::vector<Tensor>& inputs) {
  try {
    f.run(inputs);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a run-time error");
  throw;
}

}  // namespace lamina::testing
