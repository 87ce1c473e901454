#pragma once
// Errors that speak to the user: what went wrong, where, and how to fix it.

#include <stdexcept>
#include <string>

#include "lamina/export.h"

namespace lamina {

/// A range of source text. Lines and columns count from 1; `length` is in bytes.
/// A default span (line 0) means "no source location" (e.g. a bad .npy file).
struct SourceSpan {
  int line = 0;
  int column = 0;
  int offset = 0;  // byte offset of the first character
  int length = 0;  // bytes; at least 1 for a caret
  bool valid() const { return line > 0; }
};

/// The kind of problem, so hosts and tests can tell them apart without parsing text.
enum class ErrorKind {
  Syntax,       // the source does not parse
  Name,         // unknown name or keyword
  Call,         // wrong argument count, keyword, or argument type for a builtin
  Shape,        // shapes that cannot broadcast / contract / reshape
  Axis,         // axis out of range
  Type,         // dtype mismatch or unsupported dtype
  Value,        // a bad constant value (negative count, zero step, ...)
  Runtime,      // wrong inputs at run time
  File,         // unreadable or malformed file
  Limit,        // input larger than a safety limit
  Gradient,     // a gradient asked for through an operation that has none (argmax, ...)
  Internal,     // a bug in Lamina
};

/// The exception every Lamina failure throws. `what()` is the fully formatted
/// message: "line:col: error: message", the source line, a caret line, and a hint.
class LAMINA_API Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, SourceSpan span = {}, std::string hint = {});

  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const std::string& hint() const { return hint_; }
  const SourceSpan& span() const { return span_; }

  /// Returns a copy whose what() quotes `source` at the span (line + caret).
  Error with_source(const std::string& source) const;

 private:
  ErrorKind kind_;
  std::string message_;
  SourceSpan span_;
  std::string hint_;
};

/// Formats a diagnostic the way the CLI prints it.
LAMINA_API std::string format_diagnostic(const std::string& message, SourceSpan span,
                              const std::string& hint, const std::string* source);

}  // namespace lamina
