#pragma once
// NumPy .npy files: read and write Lamina tensors in NumPy's own format.
//
// Supported: format versions 1.0, 2.0 and 3.0; C-ordered arrays of the five
// Lamina dtypes, little-endian: '<f4' float32, '<f8' float64, '<i4' int32,
// '<i8' int64, '|b1' bool. Anything else (Fortran order, big-endian, other
// dtypes, object or structured arrays) is refused with a lamina::Error of kind
// File that names the file and says how to convert the array in NumPy.
// A hostile file never crashes the reader: every size is checked before use.
//
// Example:
//   lamina::Tensor x = lamina::read_npy("x.npy");   // np.save("x.npy", a)
//   lamina::write_npy("y.npy", y);                   // np.load("y.npy")

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "lamina/tensor.h"

namespace lamina {

/// Headers longer than this are refused (ErrorKind::Limit) before they are parsed.
inline constexpr size_t kMaxNpyHeaderBytes = size_t{1} << 20;

/// Reads a whole .npy file. Throws lamina::Error (File) naming `path`.
Tensor read_npy(const std::string& path);

/// Writes `tensor` to `path` as NumPy would save it (format 1.0, or 2.0 when the
/// header needs more than 64 KiB). Throws lamina::Error (File) when the file cannot be written.
void write_npy(const std::string& path, const Tensor& tensor);

/// Decodes the bytes of a .npy file. `name_for_errors` is how error messages
/// refer to the data (usually the file name). The result owns its storage.
Tensor parse_npy(std::span<const std::byte> bytes, const std::string& name_for_errors);

/// The exact bytes `write_npy` would write: byte-for-byte what np.save produces.
std::vector<std::byte> serialize_npy(const Tensor& tensor);

}  // namespace lamina
