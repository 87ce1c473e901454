#pragma once
// Helpers shared by the .npy tests: fixtures and hand-built files.

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/npy.h"
#include "io_test_util.h"

namespace lamina::test {

inline std::string fixture_path(const std::string& name) {
  return std::string(LAMINA_TEST_DATA_DIR) + "/io/data/" + name;
}

inline std::vector<std::byte> read_fixture(const std::string& name) { return read_bytes(fixture_path(name)); }

/// A .npy file with header dictionary `dict` (padded with spaces and a newline
/// to 64 bytes, as NumPy does) followed by `data`.
inline std::vector<std::byte> npy_file(std::string_view dict, std::string_view data, int major = 1) {
  size_t length_bytes = major == 1 ? 2 : 4;
  std::string header(dict);
  while ((6 + 2 + length_bytes + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::string file = "\x93NUMPY";
  file += static_cast<char>(major);
  file += '\0';
  for (size_t i = 0; i < length_bytes; ++i) file += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  file += header;
  file += data;
  return bytes_of(file);
}

}  // namespace lamina::test
