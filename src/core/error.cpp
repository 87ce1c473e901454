// lamina::Error and the diagnostic format every error is printed in:
//
//   2:9: error: unknown name 'meen'
//       x -= meen(x, axis=1)
//            ^~~~
//   hint: did you mean 'mean'?

#include "lamina/error.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

namespace lamina {

namespace {

/// Line `line` (from 1) of `source` without its line break, or nullopt-like empty view with
/// `found` false when the source has fewer lines. Breaks are "\n", "\r\n" or a lone "\r".
std::string_view find_line(const std::string& source, int line, bool& found) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t brk = source.find_first_of("\r\n", start);
    if (brk == std::string::npos) {
      found = false;
      return {};
    }
    start = brk + (source[brk] == '\r' && brk + 1 < source.size() && source[brk + 1] == '\n' ? 2 : 1);
  }
  size_t end = source.find_first_of("\r\n", start);
  if (end == std::string::npos) end = source.size();
  found = true;
  return std::string_view(source).substr(start, end - start);
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// The caret line under `text` for bytes [begin, begin + width), clipped to the line.
/// Tabs before the caret are kept so the caret lines up; UTF-8 continuation bytes are
/// skipped so a multi-byte character takes one column, as on a terminal.
std::string caret_line(std::string_view text, size_t begin, size_t width) {
  begin = std::min(begin, text.size());
  size_t end = std::min(begin + std::max<size_t>(width, 1), text.size());
  std::string out;
  for (size_t i = 0; i < begin; ++i) {
    if (text[i] == '\t') out += '\t';
    else if (!is_continuation(text[i])) out += ' ';
  }
  out += '^';
  for (size_t i = begin + 1; i < end; ++i)
    if (!is_continuation(text[i])) out += '~';
  return out;
}

/// The quoted source line and its caret line. A very long line is cut to a window around
/// the span, marked with "..."; control characters are shown as '?'.
void quote_line(std::string& out, std::string_view text, int column, int length) {
  constexpr size_t kMaxShown = 120, kBefore = 40;
  size_t begin = std::min(static_cast<size_t>(std::max(column, 1) - 1), text.size());
  size_t width = static_cast<size_t>(std::max(length, 1));
  std::string shown;
  if (text.size() > kMaxShown) {
    size_t from = begin > kBefore ? begin - kBefore : 0;
    while (from > 0 && from < text.size() && is_continuation(text[from])) --from;
    size_t to = std::min(text.size(), from + kMaxShown);
    while (to < text.size() && is_continuation(text[to])) ++to;
    width = std::min(width, to > begin ? to - begin : 1);  // not under the closing "..."
    shown = from > 0 ? "..." : "";
    begin = begin - from + shown.size();
    shown += text.substr(from, to - from);
    if (to < text.size()) shown += "...";
  } else {
    shown = text;
  }
  for (char& c : shown)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) c = '?';
  out += "\n    ";
  out += shown;
  out += "\n    ";
  out += caret_line(shown, begin, width);
}

}  // namespace

std::string format_diagnostic(const std::string& message, SourceSpan span, const std::string& hint,
                              const std::string* source) {
  std::string out;
  if (span.valid()) out += fmt::format("{}:{}: ", span.line, span.column);
  out += "error: ";
  out += message;
  if (span.valid() && source) {
    bool found = false;
    std::string_view text = find_line(*source, span.line, found);
    if (found) quote_line(out, text, span.column, span.length);
  }
  if (!hint.empty()) {
    out += "\nhint: ";
    out += hint;
  }
  return out;
}

Error::Error(ErrorKind kind, std::string message, SourceSpan span, std::string hint)
    : std::runtime_error(format_diagnostic(message, span, hint, nullptr)),
      kind_(kind),
      message_(std::move(message)),
      span_(span),
      hint_(std::move(hint)) {}

Error Error::with_source(const std::string& source) const {
  Error copy = *this;
  // Only what() changes: rebuild the runtime_error part with the quoted source.
  static_cast<std::runtime_error&>(copy) =
      std::runtime_error(format_diagnostic(message_, span_, hint_, &source));
  return copy;
}

}  // namespace lamina
