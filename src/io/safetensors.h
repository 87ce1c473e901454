#pragma once
// safetensors files: named tensors and a string-to-string metadata map, safe to
// read from anyone. The container of Lamina model files (docs/file-format.md).
//
// Layout: an 8-byte little-endian header length N, N bytes of JSON header, then
// the data area holding every tensor's raw little-endian bytes, C order:
//   {"__metadata__":{"lamina_format":"1.0"},
//    "dense/kernel":{"dtype":"F32","shape":[4,5],"data_offsets":[0,80]}, ...}
//
// Reading checks everything before it trusts it: the header length against the
// file size, well-formed JSON (parsed without recursion, so nesting cannot
// exhaust the stack), known dtypes, shapes whose bytes match their data_offsets,
// and data_offsets that tile the data area exactly — no overlaps, no gaps, no
// trailing bytes. Duplicate names and keys are refused. So are the limits in
// `Limits`. Every refusal is a lamina::Error (kind File, or Limit for a limit)
// whose message names the file, the tensor or field, and the problem.
// Nothing is allocated beyond what the file's own size justifies.
//
// Writing is deterministic: the same tensors and metadata give the same bytes.
// The header is compact JSON: `__metadata__` first (omitted when empty) with its
// keys in byte order, then the tensors in the order given, each as
// {"dtype", "shape", "data_offsets"}; the data area holds them in the same order
// without gaps. Spaces pad the header so that the data starts at a multiple of 8.
//
// Example:
//   namespace st = lamina::safetensors;
//   st::Contents c;
//   c.tensors.push_back({"dense/kernel", kernel});
//   c.metadata["lamina_format"] = "1.0";
//   st::write("model.lamina", c);
//   st::Contents back = st::read("model.lamina");   // back.tensors[0].tensor == kernel

#include <bit>
#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "io/safetensors_limits.h"
#include "lamina/tensor.h"

namespace lamina::safetensors {

static_assert(std::endian::native == std::endian::little,
              "Lamina's safetensors reader copies tensor bytes as they are stored (little-endian); "
              "a big-endian host needs a byte swap in src/io/safetensors.cpp");

/// One tensor of a file.
struct NamedTensor {
  std::string name;
  Tensor tensor;
};

/// Everything a file holds. Tensors keep their header order; metadata is sorted by key.
struct Contents {
  std::vector<NamedTensor> tensors;
  std::map<std::string, std::string> metadata;

  /// The tensor named `name`, or nullptr.
  const Tensor* find(const std::string& name) const;
};

/// Reads a whole file. Each tensor gets its own 64-byte-aligned storage.
/// Throws lamina::Error naming `path`.
Contents read(const std::string& path, const Limits& limits = {});

/// Decodes the bytes of a file; `name_for_errors` is how messages refer to it.
/// The result does not refer to `bytes`.
Contents parse(std::span<const std::byte> bytes, const std::string& name_for_errors, const Limits& limits = {});

/// Writes `contents` to `path`. Refuses (lamina::Error, nothing written) what it
/// could not read back: a tensor named `__metadata__`, two tensors of one name,
/// names or metadata that are not valid UTF-8, anything over `limits`.
void write(const std::string& path, const Contents& contents, const Limits& limits = {});

/// The exact bytes `write` writes.
std::vector<std::byte> serialize(const Contents& contents, const Limits& limits = {});

}  // namespace lamina::safetensors
