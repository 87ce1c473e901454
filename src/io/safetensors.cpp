// The safetensors container: the 8-byte little-endian header length, the JSON
// header (safetensors_header.cpp) and the data area.
// See https://github.com/huggingface/safetensors#format

#include "io/safetensors.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "io/safetensors_header.h"
#include "lamina/error.h"

namespace lamina::safetensors {
namespace {

constexpr uint64_t kLengthBytes = 8;

[[noreturn]] void fail(const std::string& name, const std::string& problem, const std::string& hint = {}) {
  throw Error(ErrorKind::File, fmt::format("{}: {}", name, problem), {}, hint);
}

std::string system_error() { return std::strerror(errno); }

/// Checks the first bytes of a file of `file_size` bytes (`start` holds the first
/// min(8, file_size) of them) and returns the header length they state.
uint64_t header_length(std::span<const std::byte> start, uint64_t file_size, const std::string& name,
                       const Limits& limits) {
  if (file_size < kLengthBytes)
    fail(name, fmt::format("not a safetensors file: it is {} bytes long, too short for the 8-byte header length",
                           file_size));
  uint64_t length = 0;
  for (size_t i = 0; i < kLengthBytes; ++i) length |= static_cast<uint64_t>(start[i]) << (8 * i);
  uint64_t rest = file_size - kLengthBytes;
  if (length > rest)
    fail(name,
         fmt::format("the header length field says {} bytes but only {} bytes follow it", length, rest),
         "the file is truncated, or it is not a safetensors file");
  if (length > limits.max_header_bytes)
    throw Error(ErrorKind::Limit,
                fmt::format("{}: the header is {} bytes long, over the limit of {} (Limits::max_header_bytes)", name,
                            length, limits.max_header_bytes));
  return length;
}

/// Lamina's bools are exactly 0 or 1; a file holding any other byte is refused, not reinterpreted.
void check_bools(const Tensor& t, const std::string& tensor_name, const std::string& name) {
  if (t.dtype() != DType::Bool) return;
  const auto* p = static_cast<const unsigned char*>(t.raw());
  for (int64_t i = 0; i < t.size(); ++i)
    if (p[i] > 1)
      fail(name, fmt::format("tensor {}: bool element {} is stored as byte {}; bools must be 0 or 1",
                             in_quotes(tensor_name), i, p[i]));
}

/// Fresh tensors for the checked `header`; `copy(entry, destination)` fetches each one's bytes.
template <class Copy>
Contents load(Header&& header, const std::string& name, Copy&& copy) {
  Contents out;
  out.metadata = std::move(header.metadata);
  out.tensors.reserve(header.tensors.size());
  for (TensorEntry& e : header.tensors) {
    Tensor t = Tensor::uninitialized(e.dtype, e.dims);
    if (t.nbytes() > 0) copy(e, t.raw());
    check_bools(t, e.name, name);
    out.tensors.push_back({std::move(e.name), std::move(t)});
  }
  return out;
}

/// The header length and header of `contents`, checked by the reader's own rules
/// so that whatever is written can be read back. Sets `data_bytes`.
std::string checked_head(const Contents& contents, const Limits& limits, const std::string& name,
                         uint64_t& data_bytes) {
  std::string header = format_header(contents, data_bytes, name);
  std::string head(kLengthBytes, '\0');
  for (size_t i = 0; i < kLengthBytes; ++i) head[i] = static_cast<char>((uint64_t{header.size()} >> (8 * i)) & 0xff);
  header_length(std::as_bytes(std::span(head)), head.size() + header.size() + data_bytes, name, limits);
  parse_header(header, data_bytes, name, limits);
  return head + header;
}

/// The bytes of `t` as stored: bools as 0 or 1 whatever the memory a borrowed tensor holds.
std::span<const std::byte> stored_bytes(const Tensor& t, std::vector<std::byte>& scratch) {
  std::span<const std::byte> raw(static_cast<const std::byte*>(t.raw()), t.nbytes());
  if (t.dtype() != DType::Bool) return raw;
  scratch.resize(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) scratch[i] = raw[i] != std::byte{0} ? std::byte{1} : std::byte{0};
  return scratch;
}

}  // namespace

const Tensor* Contents::find(const std::string& name) const {
  for (const NamedTensor& t : tensors)
    if (t.name == name) return &t.tensor;
  return nullptr;
}

Contents parse(std::span<const std::byte> bytes, const std::string& name_for_errors, const Limits& limits) {
  const std::string& name = name_for_errors;
  uint64_t length = header_length(bytes.first(std::min<size_t>(bytes.size(), kLengthBytes)), bytes.size(), name, limits);
  std::string_view text(reinterpret_cast<const char*>(bytes.data()) + kLengthBytes, length);
  const std::byte* data = bytes.data() + kLengthBytes + length;
  Header header = parse_header(text, bytes.size() - kLengthBytes - length, name, limits);
  return load(std::move(header), name,
              [&](const TensorEntry& e, void* to) { std::memcpy(to, data + e.begin, e.end - e.begin); });
}

Contents read(const std::string& path, const Limits& limits) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail(path, "cannot read: it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, fmt::format("cannot open: {}", system_error()));
  uint64_t file_size = std::filesystem::file_size(path, ec);
  if (ec) fail(path, fmt::format("cannot read: {}", ec.message()));

  // The header length and the header first, then each tensor straight into its storage.
  std::vector<std::byte> start(std::min<uint64_t>(file_size, kLengthBytes));
  in.read(reinterpret_cast<char*>(start.data()), static_cast<std::streamsize>(start.size()));
  uint64_t length = header_length(start, file_size, path, limits);
  std::string text(length, '\0');
  in.read(text.data(), static_cast<std::streamsize>(length));
  if (!in) fail(path, "cannot read the header: the file ended early (did it change while being read?)");
  Header header = parse_header(text, file_size - kLengthBytes - length, path, limits);
  return load(std::move(header), path, [&](const TensorEntry& e, void* to) {
    in.seekg(static_cast<std::streamoff>(kLengthBytes + length + e.begin));
    in.read(static_cast<char*>(to), static_cast<std::streamsize>(e.end - e.begin));
    if (!in)
      fail(path, fmt::format("cannot read tensor {}: the file ended early (did it change while being read?)",
                             in_quotes(e.name)));
  });
}

std::vector<std::byte> serialize(const Contents& contents, const Limits& limits) {
  uint64_t data_bytes = 0;
  std::string head = checked_head(contents, limits, "cannot save", data_bytes);
  std::vector<std::byte> out(head.size() + data_bytes);
  std::memcpy(out.data(), head.data(), head.size());
  size_t at = head.size();
  std::vector<std::byte> scratch;
  for (const NamedTensor& t : contents.tensors) {
    std::span<const std::byte> bytes = stored_bytes(t.tensor, scratch);
    if (!bytes.empty()) std::memcpy(out.data() + at, bytes.data(), bytes.size());
    at += bytes.size();
  }
  return out;
}

void write(const std::string& path, const Contents& contents, const Limits& limits) {
  uint64_t data_bytes = 0;
  std::string head = checked_head(contents, limits, fmt::format("cannot save {}", path), data_bytes);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) fail(path, fmt::format("cannot open for writing: {}", system_error()));
  out.write(head.data(), static_cast<std::streamsize>(head.size()));
  std::vector<std::byte> scratch;
  for (const NamedTensor& t : contents.tensors) {
    std::span<const std::byte> bytes = stored_bytes(t.tensor, scratch);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  out.close();
  if (!out) fail(path, fmt::format("cannot write: {}", system_error()));
}

}  // namespace lamina::safetensors
