#pragma once
// Pieces of DSL source that built-in layers splice into their bodies: numbers
// that read back exactly, tuples, and lists of input names.

#include <cstdint>
#include <string>
#include <vector>

namespace lamina::detail {

/// A float literal that lowers to exactly `v`: "0.001", "1.0", "-inf", "nan".
std::string float_literal(double v);

/// "(0, 2, 1)"; one element is "(3,)", none is "()".
std::string int_tuple(const std::vector<int64_t>& values);

/// Input names for an n-input lambda: {"x0", "x1", ...}.
std::vector<std::string> input_names(size_t n);

/// "x0, x1, x2" — `names` joined with `separator`.
std::string join(const std::vector<std::string>& names, const std::string& separator = ", ");

}  // namespace lamina::detail
