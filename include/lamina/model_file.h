#pragma once
// Model files: a model's layers, connections, DSL sources and weights in one
// safetensors file, safe to load from anyone (docs/file-format.md).
//
// A file holds no code: the only program text in it is DSL source, which can
// compute on tensors and nothing else. Loading rebuilds each layer from its
// config, reconnects the graph, and copies the weights in after checking their
// names, dtypes and shapes. Every problem — a truncated or corrupted file, a
// file of a newer format, an unknown layer class, a Lambda whose source does not
// compile, a missing or extra weight, anything over `ModelLimits` — is a
// lamina::Error naming the file and the problem.
//
// Saving is deterministic: saving a loaded model writes the bytes it was loaded from.
//
// Example:
//   lamina::save_model(model, "classifier.lamina");
//   lamina::Model back = lamina::load_model("classifier.lamina");
//   lamina::Tensor probs = back.predict(batch);   // bit-identical to model.predict(batch)

#include <cstdint>
#include <string>
#include <string_view>

#include "lamina/export.h"
#include "lamina/model.h"

namespace lamina {

/// How large a model file Lamina agrees to load. A file over a limit is refused
/// with a lamina::Error of kind Limit naming the limit. Expressions in DSL
/// sources are also bounded by the parser's own nesting limit (200).
struct ModelLimits {
  /// Most layers in all, nested models' layers and Input layers included.
  uint64_t max_layers = 10'000;
  /// Most layer calls (graph nodes) in all.
  uint64_t max_nodes = 100'000;
  /// Longest DSL source of one layer (a Lambda's function, mask or output_shape_function), in bytes.
  uint64_t max_source_bytes = 64 << 10;
  /// Longest model config (the `model` metadata value), in bytes.
  uint64_t max_config_bytes = 8 << 20;
  /// Deepest nesting of JSON arrays and objects in the model config.
  uint64_t max_config_depth = 64;
  /// Deepest nesting of models inside models.
  uint64_t max_model_depth = 16;
  /// The container's limits: header size, tensor count, rank, dims, elements, data bytes.
  uint64_t max_header_bytes = uint64_t{16} << 20;
  uint64_t max_tensors = 65'536;
  uint64_t max_rank = 32;
  uint64_t max_dim = uint64_t{1} << 32;
  uint64_t max_elements = uint64_t{1} << 32;
  uint64_t max_data_bytes = uint64_t{16} << 30;
};

/// Writes `model` (its config and every weight) to `path`.
LAMINA_API void save_model(const Model& model, const std::string& path);
/// The bytes save_model writes.
LAMINA_API std::string serialize_model(const Model& model);

/// Reads a model file. Throws lamina::Error naming `path` and the problem.
LAMINA_API Model load_model(const std::string& path, const ModelLimits& limits = {});
/// Decodes the bytes of a model file; `name_for_errors` is how messages refer to it.
LAMINA_API Model parse_model(std::string_view bytes, const ModelLimits& limits = {},
                             const std::string& name_for_errors = "model file");

}  // namespace lamina
