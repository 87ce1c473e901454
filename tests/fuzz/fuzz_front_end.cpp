// Fuzzes the front end: any byte string goes through the lexer, the parser, the
// lowering and shape inference, and must either compile or raise lamina::Error.
// Anything else (a crash, a sanitizer report, another exception) is a finding.
//
//   lamina's fuzz build:  CXX=clang++ cmake -B build-fuzz -DLAMINA_FUZZ=ON && cmake --build build-fuzz --target fuzz_front_end
//   run:                  build-fuzz/tests/fuzz/fuzz_front_end tests/fuzz/corpus -max_total_time=600

#include <cstddef>
#include <cstdint>
#include <string>

#include "lamina/lambda.h"

using namespace lamina;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source(reinterpret_cast<const char*>(data), size);
  try {
    // Every parameter gets a signature with a symbolic batch; the feature size varies
    // with the input so shape checks see matching and mismatching operands.
    std::vector<InputSignature> inputs;
    int features = 1 + static_cast<int>(size % 5);
    for (const std::string& name : Lambda::parameter_names(source))
      inputs.push_back({name, DType::Float32, {std::nullopt, features}});
    Lambda f = Lambda::compile(source, inputs);
    (void)f.ir_text();
    (void)Lambda::explain(source, Stage::Ast);
    (void)Lambda::explain(source, Stage::Tokens);
  } catch (const Error&) {
    // A diagnostic is the expected outcome for most inputs.
  }
  return 0;
}
