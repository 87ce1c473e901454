#include "io/format_version.h"

#include <fmt/format.h>

#include <optional>

#include "io/safetensors_header.h"
#include "lamina/error.h"

namespace lamina {
namespace {

/// A decimal number of 1 to 6 digits without sign or leading zeros ("0" itself is fine).
std::optional<int> version_number(std::string_view text) {
  if (text.empty() || text.size() > 6 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::string format_version() { return fmt::format("{}.{}", kFormatMajor, kFormatMinor); }

FormatVersion check_format_version(const std::map<std::string, std::string>& metadata,
                                   const std::string& name_for_errors) {
  const std::string& name = name_for_errors;
  auto it = metadata.find(std::string(kFormatVersionKey));
  if (it == metadata.end())
    throw Error(ErrorKind::File,
                fmt::format("{}: not a Lamina file: its __metadata__ has no \"{}\" entry", name, kFormatVersionKey),
                {}, "Lamina model files state their format version; was this file written by another program?");
  std::string_view text = it->second;
  size_t dot = text.find('.');
  std::optional<int> major = dot == std::string_view::npos ? std::nullopt : version_number(text.substr(0, dot));
  std::optional<int> minor = dot == std::string_view::npos ? std::nullopt : version_number(text.substr(dot + 1));
  if (!major || !minor || *major == 0)
    throw Error(ErrorKind::File,
                fmt::format("{}: __metadata__ \"{}\" is {}, not a format version such as \"{}\"", name,
                            kFormatVersionKey, safetensors::in_quotes(text), format_version()));
  if (*major > kFormatMajor)
    throw Error(ErrorKind::File,
                fmt::format("{}: written by a newer Lamina (format {}.{}); this build reads up to format {}.x", name,
                            *major, *minor, kFormatMajor),
                {}, "update Lamina to load this file");
  return {*major, *minor};
}

}  // namespace lamina
