#pragma once
// Helpers shared by the file tests: bytes from text or disk, captured errors.

#include <catch2/catch.hpp>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "lamina/error.h"

namespace lamina::test {

inline std::vector<std::byte> bytes_of(std::string_view s) {
  std::vector<std::byte> out(s.size());
  for (size_t i = 0; i < s.size(); ++i) out[i] = static_cast<std::byte>(s[i]);
  return out;
}

/// The whole file at `path`; fails the test if it cannot be read.
inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  INFO(path);
  REQUIRE(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::vector<std::byte> read_bytes(const std::string& path) { return bytes_of(read_text(path)); }

/// The lamina::Error that `f` throws; fails the test if it throws nothing.
template <class F>
Error error_from(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a lamina::Error");
  return Error(ErrorKind::Internal, "unreachable");
}

}  // namespace lamina::test
