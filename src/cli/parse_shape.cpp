#include "cli/parse_shape.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "lamina/error.h"

namespace lamina::cli {
namespace {

constexpr const char* kShapeHint = "write a shape like (None, 512), None,512, (3,) or () for a scalar";

std::string trim(std::string_view s) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

[[noreturn]] void bad_shape(const std::string& text, const std::string& why) {
  throw Error(ErrorKind::Value, fmt::format("bad shape '{}': {}", text, why), {}, kShapeHint);
}

}  // namespace

ShapeSpec parse_shape(const std::string& text) {
  std::string body = trim(text);
  bool open = !body.empty() && body.front() == '(';
  bool close = !body.empty() && body.back() == ')';
  if (open != close) bad_shape(text, open ? "missing ')'" : "missing '('");
  if (open) body = trim(std::string_view(body).substr(1, body.size() - 2));
  if (body.empty()) return {};  // "()" is a scalar
  if (body.back() == ',') body = trim(std::string_view(body).substr(0, body.size() - 1));  // "(3,)"

  ShapeSpec shape;
  size_t start = 0;
  while (true) {
    size_t comma = body.find(',', start);
    std::string item = trim(std::string_view(body).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (item.empty()) bad_shape(text, "a dimension is missing between two commas");
    if (item == "None") {
      shape.push_back(std::nullopt);
    } else {
      int64_t size = 0;
      auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), size);
      if (ec == std::errc::result_out_of_range) bad_shape(text, fmt::format("dimension {} is too large", item));
      if (ec != std::errc() || end != item.data() + item.size() || item.front() == '-' || item.front() == '+')
        bad_shape(text, fmt::format("'{}' is not a size (a non-negative integer) or None", item));
      shape.push_back(size);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return shape;
}

}  // namespace lamina::cli
