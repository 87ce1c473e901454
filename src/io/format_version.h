#pragma once
// The version of the Lamina file format, stored in a file's `__metadata__` under
// "lamina_format" as "MAJOR.MINOR" (docs/file-format.md, "Versioning").
//
// A minor version only adds optional fields, which older readers ignore, so a
// reader accepts every minor version of the majors it knows. A new major version
// changes the meaning of something a reader needs: a file of a higher major
// version is refused with "written by a newer Lamina".
//
// Example (a model writer and its reader):
//   contents.metadata[std::string(lamina::kFormatVersionKey)] = lamina::format_version();
//   lamina::FormatVersion v = lamina::check_format_version(contents.metadata, path);

#include <map>
#include <string>
#include <string_view>

namespace lamina {

/// The `__metadata__` key that holds the format version.
inline constexpr std::string_view kFormatVersionKey = "lamina_format";
/// The format this build writes, and the highest major version it reads.
inline constexpr int kFormatMajor = 1;
inline constexpr int kFormatMinor = 0;

struct FormatVersion {
  int major = 0;
  int minor = 0;
};

/// "1.0": the version this build writes.
std::string format_version();

/// Reads the version from a file's metadata and checks that this build reads it.
/// Throws lamina::Error (File) naming `name_for_errors` when the key is missing,
/// malformed ("1.0" is the form), or of a higher major version.
FormatVersion check_format_version(const std::map<std::string, std::string>& metadata,
                                   const std::string& name_for_errors);

}  // namespace lamina
