#include "io/python_literal.h"

#include <fmt/format.h>

#include <limits>

namespace lamina::npy {
namespace {

/// A recursive-descent parser over the literal grammar:
///   literal  ::= string | 'True' | 'False' | 'None' | integer
///              | '(' items ')' | '[' items ']' | '{' entries '}'
///   items    ::= (literal (',' literal)* ','?)?
///   entries  ::= (literal ':' literal (',' literal ':' literal)* ','?)?
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  PyLiteral parse_all() {
    PyLiteral value = parse_literal(0);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the end of the literal");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw LiteralSyntaxError(what, pos_); }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }
  char peek() {
    skip_space();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }
  void expect(char c) {
    if (peek() != c) fail(fmt::format("expected '{}'", c));
    ++pos_;
  }

  PyLiteral parse_literal(int depth) {
    if (depth > kMaxLiteralDepth) fail("literal nested too deeply");
    char c = peek();
    if (c == '\'' || c == '"') return parse_string();
    if (c == '(' || c == '[') return parse_sequence(depth);
    if (c == '{') return parse_dict(depth);
    if (c == '-' || (c >= '0' && c <= '9')) return parse_integer();
    if (is_word_start(c)) return parse_word();
    if (c == '\0') fail("unexpected end of text");
    fail(fmt::format("unexpected character '{}'", printable(c)));
  }

  static bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
  static std::string printable(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f ? std::string(1, c) : fmt::format("\\x{:02x}", u);
  }

  PyLiteral parse_word() {
    size_t start = pos_;
    while (pos_ < text_.size() && (is_word_start(text_[pos_]) || (text_[pos_] >= '0' && text_[pos_] <= '9')))
      ++pos_;
    std::string_view word = text_.substr(start, pos_ - start);
    PyLiteral v;
    if (word == "True" || word == "False") {
      v.kind = PyLiteral::Kind::Bool;
      v.boolean = word == "True";
    } else if (word != "None") {
      pos_ = start;
      fail(fmt::format("unexpected name '{}'", word));
    }
    return v;
  }

  PyLiteral parse_integer() {
    bool negative = text_[pos_] == '-';
    if (negative) ++pos_;
    if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9') fail("expected digits");
    // Accumulate as a negative number so that the most negative int64 fits.
    int64_t value = 0;
    constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      int digit = text_[pos_] - '0';
      if (value < (kMin + digit) / 10) fail("integer too large");
      value = value * 10 - digit;
      ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'L' || text_[pos_] == 'l')) ++pos_;  // Python 2 long
    if (pos_ < text_.size() && (text_[pos_] == '.' || text_[pos_] == 'e' || text_[pos_] == 'E'))
      fail("expected an integer, found a float");
    if (!negative && value == kMin) fail("integer too large");
    PyLiteral v;
    v.kind = PyLiteral::Kind::Int;
    v.integer = negative ? value : -value;
    return v;
  }

  PyLiteral parse_string() {
    size_t start = pos_;
    char quote = text_[pos_++];
    auto unterminated = [&] {
      pos_ = start;
      fail("unterminated string");
    };
    PyLiteral v;
    v.kind = PyLiteral::Kind::Str;
    while (true) {
      if (pos_ >= text_.size()) unterminated();
      char c = text_[pos_++];
      if (c == quote) break;
      if (c == '\n') unterminated();
      if (c == '\\') {
        if (pos_ >= text_.size()) unterminated();
        c = text_[pos_++];
      }
      v.text += c;
    }
    return v;
  }

  PyLiteral parse_sequence(int depth) {
    char open = text_[pos_++];
    char close = open == '(' ? ')' : ']';
    PyLiteral v;
    v.kind = open == '(' ? PyLiteral::Kind::Tuple : PyLiteral::Kind::List;
    bool saw_comma = false;
    while (peek() != close) {
      v.items.push_back(parse_literal(depth + 1));
      if (peek() == close) break;
      expect(',');
      saw_comma = true;
    }
    ++pos_;
    // "(3)" is a parenthesised integer in Python, not a tuple.
    if (open == '(' && v.items.size() == 1 && !saw_comma) return std::move(v.items[0]);
    return v;
  }

  PyLiteral parse_dict(int depth) {
    ++pos_;
    PyLiteral v;
    v.kind = PyLiteral::Kind::Dict;
    while (peek() != '}') {
      v.items.push_back(parse_literal(depth + 1));
      expect(':');
      v.items.push_back(parse_literal(depth + 1));
      if (peek() == '}') break;
      expect(',');
    }
    ++pos_;
    return v;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

PyLiteral parse_python_literal(std::string_view text) { return Parser(text).parse_all(); }

}  // namespace lamina::npy
