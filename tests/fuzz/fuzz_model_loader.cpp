// Fuzzes the model-file loader (include/lamina/model_file.h): any byte string
// must load as a model or be refused with a lamina::Error (not of kind Internal).
//
// An input that starts with '{' is taken as a model config (the `model` metadata
// value) and rebuilt without weights, so the fuzzer explores configs without
// having to keep a safetensors header consistent; any other input is parsed as a
// whole model file. Every model that loads is saved, loaded again and saved
// again: the two saves must be the same bytes. Predict is not run (the JIT is
// linked, but compiling kernels per input would make the target too slow).
// See tests/fuzz/README.md for how to build and run it.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "lamina/error.h"
#include "lamina/model_file.h"
#include "model/model_config.h"

using namespace lamina;

namespace {

[[noreturn]] void finding(const std::string& what) {
  std::fprintf(stderr, "FINDING: %s\n", what.c_str());
  std::abort();
}

/// Limits small enough that no input makes the target slow.
ModelLimits fuzz_limits() {
  ModelLimits l;
  l.max_layers = 64;
  l.max_nodes = 256;
  l.max_source_bytes = 4096;
  l.max_elements = 1 << 16;
  l.max_dim = 1 << 12;
  return l;
}

void check_round_trip(const Model& model, const ModelLimits& limits) {
  std::string first = serialize_model(model);
  Model back = parse_model(first, limits, "saved model");
  if (serialize_model(back) != first) finding("saving a loaded model gives other bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ModelLimits limits = fuzz_limits();
  try {
    if (!bytes.empty() && bytes[0] == '{') {
      detail::check_config_text(bytes, limits, "fuzz config");
      nlohmann::json config = nlohmann::json::parse(bytes, nullptr, false);
      if (config.is_discarded()) return 0;
      check_round_trip(detail::model_from_config(config, limits, "fuzz config"), limits);
    } else {
      check_round_trip(parse_model(bytes, limits, "fuzz file"), limits);
    }
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Internal) finding(std::string("Internal error: ") + e.what());
  } catch (const std::exception& e) {
    finding(std::string("exception that is not a lamina::Error: ") + e.what());
  }
  return 0;
}
