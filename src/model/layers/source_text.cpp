#include "model/layers/source_text.h"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace lamina::detail {

std::string float_literal(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string text = fmt::format("{}", v);  // shortest text that reads back as v
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::string int_tuple(const std::vector<int64_t>& values) {
  if (values.size() == 1) return fmt::format("({},)", values[0]);
  return fmt::format("({})", fmt::join(values, ", "));
}

std::vector<std::string> input_names(size_t n) {
  std::vector<std::string> names;
  for (size_t i = 0; i < n; ++i) names.push_back(fmt::format("x{}", i));
  return names;
}

std::string join(const std::vector<std::string>& names, const std::string& separator) {
  return fmt::format("{}", fmt::join(names, separator));
}

}  // namespace lamina::detail
