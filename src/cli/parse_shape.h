#pragma once
// Shapes written on the command line: "(None, 512)", "None,512", "(3,)", "()".

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lamina::cli {

/// A shape whose `nullopt` dimensions are unknown until run time (Keras' None).
using ShapeSpec = std::vector<std::optional<int64_t>>;

/// Parses a shape: sizes or None, separated by commas, optionally in parentheses,
/// spaces anywhere. Throws lamina::Error (Value) saying what is wrong.
ShapeSpec parse_shape(const std::string& text);

}  // namespace lamina::cli
