#pragma once
// The JSON header of a safetensors file: what it says about each tensor, checked
// against the safetensors rules and the limits, and how Lamina writes it.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/safetensors.h"
#include "io/safetensors_limits.h"
#include "lamina/dtype.h"
#include "lamina/tensor.h"

namespace lamina::safetensors {

/// A checked tensor entry: a dtype Lamina holds, a shape within the limits, and
/// the byte range [begin, end) of the data area that holds exactly its data.
struct TensorEntry {
  std::string name;
  DType dtype = DType::Float32;
  Dims dims;
  uint64_t begin = 0;
  uint64_t end = 0;
};

/// A checked header: the tensor entries in header order, whose byte ranges tile
/// the data area exactly, and the `__metadata__` map.
struct Header {
  std::vector<TensorEntry> tensors;
  std::map<std::string, std::string> metadata;
};

/// Parses and checks the header text of a file whose data area is `data_bytes`
/// long. Throws lamina::Error "`name`: problem" (kind File, or Limit).
Header parse_header(std::string_view text, uint64_t data_bytes, const std::string& name, const Limits& limits);

/// The header Lamina writes for `contents` (see safetensors.h for its form),
/// padded with spaces so that the data area starts at a multiple of 8 bytes.
/// Sets `data_bytes` to the size of the data area. Throws lamina::Error (Value)
/// for a string that is not valid UTF-8 or a tensor named `__metadata__`.
std::string format_header(const Contents& contents, uint64_t& data_bytes, const std::string& name);

/// "'dense/kernel'": a name quoted for an error message, with control bytes
/// escaped and anything past 80 bytes cut to "...".
std::string in_quotes(std::string_view text);

}  // namespace lamina::safetensors
