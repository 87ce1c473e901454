// The .npy container: magic string, version, header length, header, data.
// See https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html

#include "io/npy.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "io/npy_header.h"
#include "lamina/error.h"

namespace lamina {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicSize = 6;
constexpr size_t kAlignment = 64;  // NumPy pads the header so data starts 64-byte aligned

[[noreturn]] void fail(const std::string& name, const std::string& problem) {
  throw Error(ErrorKind::File, fmt::format("{}: {}", name, problem));
}

/// The fixed-size part before the header text.
struct Preamble {
  size_t header_offset = 0;  // where the header text starts
  size_t header_size = 0;
};

/// The longest preamble (format 2.0 and 3.0): magic, 2 version bytes, 4 length bytes.
constexpr size_t kMaxPreambleSize = kMagicSize + 2 + 4;

/// Decodes the preamble from the first bytes of a file (up to kMaxPreambleSize).
Preamble read_preamble(std::span<const std::byte> bytes, const std::string& name) {
  if (bytes.size() < kMagicSize || std::memcmp(bytes.data(), kMagic, kMagicSize) != 0)
    fail(name, "not a .npy file (it does not start with the NumPy magic string \"\\x93NUMPY\")");
  if (bytes.size() < kMagicSize + 2) fail(name, "truncated .npy file: it ends inside the header");
  auto major = static_cast<unsigned>(bytes[6]);
  auto minor = static_cast<unsigned>(bytes[7]);
  if (minor != 0 || major < 1 || major > 3)
    fail(name, fmt::format("unsupported .npy format version {}.{} (Lamina reads 1.0, 2.0 and 3.0)", major, minor));
  size_t length_bytes = major == 1 ? 2 : 4;
  Preamble p;
  p.header_offset = kMagicSize + 2 + length_bytes;
  if (bytes.size() < p.header_offset) fail(name, "truncated .npy file: it ends inside the header");
  for (size_t i = 0; i < length_bytes; ++i)  // little-endian
    p.header_size |= static_cast<size_t>(bytes[kMagicSize + 2 + i]) << (8 * i);
  if (p.header_size > kMaxNpyHeaderBytes)
    throw Error(ErrorKind::Limit,
                fmt::format("{}: the .npy header is {} bytes long; Lamina refuses headers over {} bytes",
                            name, p.header_size, kMaxNpyHeaderBytes));
  return p;
}

npy::Header read_header(std::span<const std::byte> bytes, const Preamble& p, const std::string& name) {
  if (bytes.size() < p.header_offset + p.header_size)
    fail(name, fmt::format("truncated .npy file: the header should be {} bytes long but the file ends after {}",
                           p.header_size, bytes.size() - p.header_offset));
  std::string_view text(reinterpret_cast<const char*>(bytes.data()) + p.header_offset, p.header_size);
  return npy::parse_header(text, name);
}

void check_data_size(const npy::Header& h, uint64_t available, const std::string& name) {
  if (available != static_cast<uint64_t>(h.data_bytes))
    fail(name, fmt::format("expected {} bytes of data for a {} array of shape {}, found {}", h.data_bytes,
                           dtype_name(h.dtype), format_dims(h.dims), available));
}

/// NumPy treats any non-zero byte as True; Lamina's bools are exactly 0 or 1.
void normalize_bools(Tensor& t) {
  if (t.dtype() != DType::Bool) return;
  auto* p = static_cast<unsigned char*>(t.raw());
  for (int64_t i = 0; i < t.size(); ++i) p[i] = p[i] != 0;
}

/// Magic, version, header length, header dictionary and padding, as np.save writes them.
std::string preamble_and_header(const Tensor& tensor) {
  std::string dict = npy::format_header(tensor.dtype(), tensor.dims());
  size_t text_size = dict.size() + 1;  // + the final newline
  size_t length_bytes = 2;
  size_t padding = kAlignment - (kMagicSize + 2 + length_bytes + text_size) % kAlignment;
  if (text_size + padding > 0xffff) {  // does not fit in format 1.0's 16-bit length
    length_bytes = 4;
    padding = kAlignment - (kMagicSize + 2 + length_bytes + text_size) % kAlignment;
  }
  size_t header_size = text_size + padding;
  std::string out(kMagic, kMagicSize);
  out += static_cast<char>(length_bytes == 2 ? 1 : 2);
  out += '\0';
  for (size_t i = 0; i < length_bytes; ++i) out += static_cast<char>((header_size >> (8 * i)) & 0xff);
  out += dict;
  out.append(padding, ' ');
  out += '\n';
  return out;
}

std::string system_error() { return std::strerror(errno); }

}  // namespace

Tensor parse_npy(std::span<const std::byte> bytes, const std::string& name_for_errors) {
  const std::string& name = name_for_errors;
  Preamble p = read_preamble(bytes.first(std::min(bytes.size(), kMaxPreambleSize)), name);
  npy::Header h = read_header(bytes, p, name);
  size_t data_offset = p.header_offset + p.header_size;
  check_data_size(h, bytes.size() - data_offset, name);
  Tensor t = Tensor::zeros(h.dtype, h.dims);
  if (t.nbytes() > 0) std::memcpy(t.raw(), bytes.data() + data_offset, t.nbytes());
  normalize_bools(t);
  return t;
}

Tensor read_npy(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail(path, "cannot read: it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, fmt::format("cannot open: {}", system_error()));
  uint64_t file_size = std::filesystem::file_size(path, ec);
  if (ec) fail(path, fmt::format("cannot read: {}", ec.message()));

  // Read the preamble and the header first, then the data straight into the tensor.
  std::vector<std::byte> head(std::min<uint64_t>(file_size, kMaxPreambleSize));
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  Preamble p = read_preamble(head, path);
  head.resize(std::min<uint64_t>(file_size, p.header_offset + p.header_size));
  size_t already = std::min(head.size(), kMaxPreambleSize);
  in.read(reinterpret_cast<char*>(head.data()) + already, static_cast<std::streamsize>(head.size() - already));
  if (!in) fail(path, "cannot read the header: the file ended early (did it change while being read?)");
  npy::Header h = read_header(head, p, path);

  check_data_size(h, file_size - head.size(), path);
  Tensor t = Tensor::zeros(h.dtype, h.dims);
  if (t.nbytes() > 0) in.read(static_cast<char*>(t.raw()), static_cast<std::streamsize>(t.nbytes()));
  if (!in) fail(path, "cannot read the data: the file ended early (did it change while being read?)");
  normalize_bools(t);
  return t;
}

std::vector<std::byte> serialize_npy(const Tensor& tensor) {
  std::string head = preamble_and_header(tensor);
  std::vector<std::byte> out(head.size() + tensor.nbytes());
  std::memcpy(out.data(), head.data(), head.size());
  if (tensor.nbytes() > 0) std::memcpy(out.data() + head.size(), tensor.raw(), tensor.nbytes());
  return out;
}

void write_npy(const std::string& path, const Tensor& tensor) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) fail(path, fmt::format("cannot open for writing: {}", system_error()));
  std::string head = preamble_and_header(tensor);
  out.write(head.data(), static_cast<std::streamsize>(head.size()));
  out.write(static_cast<const char*>(tensor.raw()), static_cast<std::streamsize>(tensor.nbytes()));
  out.close();
  if (!out) fail(path, fmt::format("cannot write: {}", system_error()));
}

}  // namespace lamina
