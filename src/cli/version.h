#pragma once
// The version `lamina --version` prints. Keep it equal to project(VERSION) in
// CMakeLists.txt; tests/cli/version_matches_cmake.sh checks that it is.

namespace lamina::cli {

inline constexpr const char* kVersion = "0.1.0";

}  // namespace lamina::cli
