#pragma once
// The small subset of Python literal syntax that .npy headers are written in:
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// Strings, True/False/None, integers, tuples, lists and dicts — no expressions.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lamina::npy {

/// One parsed literal. Tuples and lists hold their elements in `items`; a dict
/// holds alternating keys and values in `items` (key0, value0, key1, ...).
struct PyLiteral {
  enum class Kind { None, Bool, Int, Str, Tuple, List, Dict };
  Kind kind = Kind::None;
  bool boolean = false;
  int64_t integer = 0;
  std::string text;
  std::vector<PyLiteral> items;
};

/// What went wrong and at which byte of the text.
class LiteralSyntaxError : public std::runtime_error {
 public:
  LiteralSyntaxError(const std::string& what, size_t offset)
      : std::runtime_error(what), offset_(offset) {}
  size_t offset() const { return offset_; }

 private:
  size_t offset_;
};

/// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
inline constexpr int kMaxLiteralDepth = 32;

/// Parses exactly one literal; only whitespace may follow it. Python 2's `3L`
/// integer suffix is accepted (old NumPy wrote it). Throws LiteralSyntaxError.
PyLiteral parse_python_literal(std::string_view text);

}  // namespace lamina::npy
