#pragma once
// How large a safetensors file Lamina agrees to read (and write).
//
// A file is refused with a lamina::Error of kind Limit, naming the limit, as soon
// as it exceeds one of these — before anything is allocated for it. The limits
// bound the work a hostile file can cause; they are not the only protection:
// whatever the limits, the reader never allocates more than the file's own size.
// The writer applies the same limits, so every file Lamina writes, it can read.
//
// Example: a host that loads models from users and has 2 GiB to spare:
//   lamina::safetensors::Limits limits;
//   limits.max_data_bytes = uint64_t{2} << 30;
//   auto contents = lamina::safetensors::read("model.lamina", limits);

#include <cstdint>

namespace lamina::safetensors {

struct Limits {
  /// Longest JSON header. 16 MiB holds the entries of the largest allowed tensor
  /// count and a model config of several MiB.
  uint64_t max_header_bytes = uint64_t{16} << 20;
  /// Most tensors in one file.
  uint64_t max_tensors = 65'536;
  /// Most dimensions of one tensor (32, NumPy's limit until 2.0).
  uint64_t max_rank = 32;
  /// Largest single dimension (2^32). Values above 2^63 - 1 act as 2^63 - 1.
  uint64_t max_dim = uint64_t{1} << 32;
  /// Most elements in one tensor (2^32: 16 GiB of float32).
  uint64_t max_elements = uint64_t{1} << 32;
  /// Most bytes of tensor data in all: the size of the data area (16 GiB).
  uint64_t max_data_bytes = uint64_t{16} << 30;
  /// Longest tensor name or `__metadata__` key, in bytes.
  uint64_t max_name_bytes = 1024;
  /// Longest `__metadata__` value, in bytes (the model config is one such value).
  uint64_t max_metadata_value_bytes = uint64_t{8} << 20;
};

}  // namespace lamina::safetensors
