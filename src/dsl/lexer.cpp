// Lexer: turns source text into tokens, with a precise span for each.
//
// Line breaks are "\n", "\r\n" or a lone "\r" (as in Python). Columns count bytes.
// Anything the language does not know is a Syntax error at its position; the lexer
// never reads past the end of the source and never recurses.

#include "dsl/lexer.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

namespace lamina {

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
#define LAMINA_TOKEN_NAME(name, spelling) \
  case TokenKind::name:                   \
    return spelling;
    LAMINA_TOKEN_KINDS(LAMINA_TOKEN_NAME)
#undef LAMINA_TOKEN_NAME
  }
  return "?";
}

std::string quote_for_display(const std::string& text) {
  std::string out = "'";
  for (unsigned char c : text) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "'";
}

std::string format_tokens(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    out += fmt::format("{}:{}  {}  {}\n", t.span.line, t.span.column, token_kind_name(t.kind),
                       quote_for_display(t.text));
  }
  return out;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

const std::unordered_map<std::string_view, TokenKind>& keywords() {
  static const std::unordered_map<std::string_view, TokenKind> table = {
      {"lambda", TokenKind::KwLambda}, {"return", TokenKind::KwReturn}, {"if", TokenKind::KwIf},
      {"else", TokenKind::KwElse},     {"and", TokenKind::KwAnd},       {"or", TokenKind::KwOr},
      {"not", TokenKind::KwNot},       {"True", TokenKind::KwTrue},     {"False", TokenKind::KwFalse},
      {"None", TokenKind::KwNone},     {"in", TokenKind::KwIn},         {"is", TokenKind::KwIs},
  };
  return table;
}

struct Operator {
  std::string_view spelling;
  TokenKind kind;
};

// Longest spellings first so that the first match is the longest one.
constexpr Operator kOperators[] = {
    {"**=", TokenKind::DoubleStarAssign}, {"//=", TokenKind::DoubleSlashAssign},
    {"<<=", TokenKind::ShiftLeftAssign},  {">>=", TokenKind::ShiftRightAssign},
    {"...", TokenKind::Ellipsis},         {"**", TokenKind::DoubleStar},
    {"//", TokenKind::DoubleSlash},       {"==", TokenKind::EqEq},
    {"!=", TokenKind::NotEq},             {"<=", TokenKind::LessEq},
    {">=", TokenKind::GreaterEq},         {"<<", TokenKind::ShiftLeft},
    {">>", TokenKind::ShiftRight},        {"+=", TokenKind::PlusAssign},
    {"-=", TokenKind::MinusAssign},       {"*=", TokenKind::StarAssign},
    {"/=", TokenKind::SlashAssign},       {"%=", TokenKind::PercentAssign},
    {"@=", TokenKind::AtAssign},          {"&=", TokenKind::AmpAssign},
    {"|=", TokenKind::PipeAssign},        {"^=", TokenKind::CaretAssign},
    {":=", TokenKind::Walrus},            {"->", TokenKind::Arrow},
    {"+", TokenKind::Plus},               {"-", TokenKind::Minus},
    {"*", TokenKind::Star},               {"/", TokenKind::Slash},
    {"%", TokenKind::Percent},            {"@", TokenKind::At},
    {"~", TokenKind::Tilde},              {"&", TokenKind::Amp},
    {"|", TokenKind::Pipe},               {"^", TokenKind::Caret},
    {"<", TokenKind::Less},               {">", TokenKind::Greater},
    {"=", TokenKind::Assign},             {"(", TokenKind::LParen},
    {")", TokenKind::RParen},             {"[", TokenKind::LBracket},
    {"]", TokenKind::RBracket},           {"{", TokenKind::LBrace},
    {"}", TokenKind::RBrace},             {",", TokenKind::Comma},
    {":", TokenKind::Colon},              {";", TokenKind::Semicolon},
    {".", TokenKind::Dot},
};

class Lexer {
 public:
  explicit Lexer(const std::string& src) : src_(src) {}

  std::vector<Token> run() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
        ++pos_;
      } else if (c == '\n' || c == '\r') {
        newline();
      } else if (c == '#') {
        while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r') ++pos_;
      } else if (c == '\\') {
        continuation();
      } else if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) {
        number();
      } else if (is_name_start(c)) {
        name_or_keyword();
      } else if (c == '\'' || c == '"') {
        string(pos_, /*raw=*/false);
      } else {
        op();
      }
    }
    // End sits just after the last real token, so "found end of input" points at a
    // line that exists rather than past trailing blank lines.
    Token end;
    end.kind = TokenKind::End;
    end.span = SourceSpan{1, 1, 0, 1};
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->kind == TokenKind::Newline) continue;
      end.span = SourceSpan{it->span.line, it->span.column + it->span.length,
                            it->span.offset + it->span.length, 1};
      break;
    }
    out_.push_back(end);
    return std::move(out_);
  }

 private:
  SourceSpan span_at(size_t start, size_t length) const {
    return SourceSpan{line_, static_cast<int>(start - line_start_) + 1, static_cast<int>(start),
                      static_cast<int>(length)};
  }

  [[noreturn]] void fail(std::string message, size_t start, size_t length, std::string hint = {},
                         ErrorKind kind = ErrorKind::Syntax) const {
    throw Error(kind, std::move(message), span_at(start, length), std::move(hint));
  }

  void emit(TokenKind kind, size_t start, std::string text) {
    Token t;
    t.kind = kind;
    t.span = span_at(start, pos_ - start);
    t.text = std::move(text);
    out_.push_back(std::move(t));
  }

  // Consumes one line break ("\n", "\r\n" or "\r").
  void skip_line_break() {
    if (src_[pos_] == '\r' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  void newline() {
    bool separator = depth_ == 0 && !out_.empty() && out_.back().kind != TokenKind::Newline;
    if (separator) {
      Token t;
      t.kind = TokenKind::Newline;
      t.text = "\n";
      t.span = span_at(pos_, 1);
      out_.push_back(std::move(t));
    }
    skip_line_break();
  }

  void continuation() {
    size_t start = pos_;
    ++pos_;
    if (pos_ < src_.size() && (src_[pos_] == '\n' || src_[pos_] == '\r')) {
      skip_line_break();
      return;
    }
    fail("unexpected character '\\'", start, 1,
         "a backslash continues a line only when it is the last character of the line");
  }

  void name_or_keyword() {
    size_t start = pos_;
    while (pos_ < src_.size() && is_name_char(src_[pos_])) ++pos_;
    std::string text = src_.substr(start, pos_ - start);
    if (pos_ < src_.size() && (src_[pos_] == '\'' || src_[pos_] == '"') && text.size() <= 2) {
      // A string prefix: f"..", b"..", r"..", u"..".
      std::string lower;
      for (char ch : text) lower += static_cast<char>(ch | 0x20);
      if (lower.find_first_not_of("rbfu") == std::string::npos) {
        if (lower.find('f') != std::string::npos)
          fail("f-strings are not part of the Lamina language", start, pos_ - start + 1,
               "write a plain string such as 'float32'");
        if (lower.find('b') != std::string::npos)
          fail("byte strings are not part of the Lamina language", start, pos_ - start + 1,
               "write a plain string such as 'float32'");
        string(start, /*raw=*/lower.find('r') != std::string::npos);
        return;
      }
    }
    auto kw = keywords().find(text);
    emit(kw != keywords().end() ? kw->second : TokenKind::Name, start, std::move(text));
  }

  // A string in ' or " on one line, starting at `start` (its prefix, if any); pos_ is at the quote.
  void string(size_t start, bool raw) {
    char quote = src_[pos_];
    size_t open = pos_;
    if (pos_ + 2 < src_.size() && src_[pos_ + 1] == quote && src_[pos_ + 2] == quote)
      fail("triple-quoted strings are not part of the Lamina language", open, 3,
           "write a one-line string such as 'float32'");
    ++pos_;
    std::string value;
    for (;;) {
      if (pos_ >= src_.size() || src_[pos_] == '\n' || src_[pos_] == '\r') {
        fail("unterminated string", open, pos_ - open,
             fmt::format("close the string with {} on the same line", quote));
      }
      char c = src_[pos_];
      if (c == quote) {
        ++pos_;
        break;
      }
      if (c == '\\' && pos_ + 1 < src_.size() && src_[pos_ + 1] != '\n' && src_[pos_ + 1] != '\r') {
        char e = src_[pos_ + 1];
        pos_ += 2;
        if (raw) {
          value += c;
          value += e;
          continue;
        }
        switch (e) {
          case 'n': value += '\n'; break;
          case 't': value += '\t'; break;
          case 'r': value += '\r'; break;
          case '0': value += '\0'; break;
          case '\\': case '\'': case '"': value += e; break;
          default: value += '\\'; value += e;  // kept as written, as Python does
        }
        continue;
      }
      value += c;
      ++pos_;
    }
    emit(TokenKind::String, start, std::move(value));
  }

  // Consumes digits of `radix` with '_' allowed between two digits.
  void digits(int radix, size_t number_start) {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == '_') {
        bool between = pos_ > number_start && digit_value(src_[pos_ - 1]) < radix &&
                       pos_ + 1 < src_.size() && digit_value(src_[pos_ + 1]) < radix;
        if (!between)
          fail("invalid number: '_' must stand between two digits", pos_, 1, "write e.g. 1_000");
        ++pos_;
      } else if (digit_value(c) < radix) {
        ++pos_;
      } else {
        break;
      }
    }
  }

  void number() {
    size_t start = pos_;
    int radix = 10;
    bool is_float = false;
    if (src_[pos_] == '0' && pos_ + 1 < src_.size() &&
        std::string_view("xXoObB").find(src_[pos_ + 1]) != std::string_view::npos) {
      char p = static_cast<char>(src_[pos_ + 1] | 0x20);
      radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      pos_ += 2;
      size_t first = pos_;
      if (pos_ < src_.size() && src_[pos_] == '_') ++pos_;  // 0x_ff is valid Python
      digits(radix, first - 1);
      if (pos_ == first || src_[pos_ - 1] == '_')
        fail(fmt::format("invalid number '{}': no digits after the prefix", src_.substr(start, pos_ - start)),
             start, pos_ - start);
    } else {
      digits(10, start);
      if (pos_ < src_.size() && src_[pos_] == '.' &&
          !(pos_ + 1 < src_.size() && src_[pos_ + 1] == '.')) {
        is_float = true;
        ++pos_;
        if (pos_ < src_.size() && is_digit(src_[pos_])) digits(10, pos_);
      }
      if (pos_ < src_.size() && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
        size_t e = pos_ + 1;
        if (e < src_.size() && (src_[e] == '+' || src_[e] == '-')) ++e;
        if (e < src_.size() && is_digit(src_[e])) {
          is_float = true;
          pos_ = e;
          digits(10, pos_);
        } else {
          fail(fmt::format("invalid number '{}': the exponent has no digits",
                           src_.substr(start, e - start)),
               start, e - start, "write e.g. 1e-3");
        }
      }
    }
    if (pos_ < src_.size() && is_name_char(src_[pos_])) {
      size_t end = pos_;
      while (end < src_.size() && is_name_char(src_[end])) ++end;
      bool complex = end == pos_ + 1 && (src_[pos_] == 'j' || src_[pos_] == 'J');
      fail(fmt::format("invalid number '{}'", src_.substr(start, end - start)), start, end - start,
           complex ? "complex numbers are not part of the Lamina language"
                   : "a name cannot start with a digit");
    }
    std::string text = src_.substr(start, pos_ - start);
    std::string clean;
    for (char c : text)
      if (c != '_') clean += c;
    Token t;
    t.span = span_at(start, pos_ - start);
    t.text = text;
    if (is_float) {
      t.kind = TokenKind::Float;
      double v = 0;
      auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
      if (ec == std::errc::result_out_of_range) {
        // As Python: too large is inf, too small is 0.
        bool tiny = clean.find("e-") != std::string::npos || clean.find("E-") != std::string::npos;
        v = tiny ? 0.0 : std::numeric_limits<double>::infinity();
      } else if (ec != std::errc() || ptr != clean.data() + clean.size()) {
        fail(fmt::format("invalid number '{}'", text), start, pos_ - start);
      }
      t.float_value = v;
    } else {
      t.kind = TokenKind::Int;
      std::string_view body(clean);
      if (radix != 10) body.remove_prefix(2);
      if (radix == 10 && body.size() > 1 && body[0] == '0' &&
          body.find_first_not_of('0') != std::string_view::npos)
        fail(fmt::format("invalid number '{}': leading zeros are not allowed", text), start,
             pos_ - start, fmt::format("write {}, or 0o{} for an octal number",
                                       body.substr(body.find_first_not_of('0')), body.substr(1)));
      uint64_t v = 0;
      constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
      for (char c : body) {
        uint64_t d = static_cast<uint64_t>(digit_value(c));
        if (v > (kMax - d) / static_cast<uint64_t>(radix))
          fail(fmt::format("integer literal '{}' is too large", text), start, pos_ - start,
               "integers must fit in 64 bits (at most 9223372036854775807)", ErrorKind::Value);
        v = v * static_cast<uint64_t>(radix) + d;
      }
      t.int_value = static_cast<int64_t>(v);
    }
    out_.push_back(std::move(t));
  }

  // The length of the valid UTF-8 sequence at pos_, or 0.
  size_t utf8_length() const {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(src_[i]); };
    unsigned char b = byte(pos_);
    size_t n = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (n == 0 || pos_ + n > src_.size()) return 0;
    for (size_t i = 1; i < n; ++i)
      if ((byte(pos_ + i) & 0xC0) != 0x80) return 0;
    return n;
  }

  void op() {
    std::string_view rest(src_.data() + pos_, src_.size() - pos_);
    for (const Operator& o : kOperators) {
      if (rest.substr(0, o.spelling.size()) == o.spelling) {
        size_t start = pos_;
        pos_ += o.spelling.size();
        if (o.kind == TokenKind::LParen || o.kind == TokenKind::LBracket || o.kind == TokenKind::LBrace)
          ++depth_;
        if ((o.kind == TokenKind::RParen || o.kind == TokenKind::RBracket || o.kind == TokenKind::RBrace) &&
            depth_ > 0)
          --depth_;
        emit(o.kind, start, std::string(o.spelling));
        return;
      }
    }
    unsigned char c = static_cast<unsigned char>(src_[pos_]);
    if (c == '!')
      fail("unexpected character '!'", pos_, 1, "write 'not x' for logical negation and '!=' for inequality");
    if (c > 0x20 && c < 0x7f)
      fail(fmt::format("unexpected character '{}'", static_cast<char>(c)), pos_, 1);
    if (size_t n = utf8_length())
      fail(fmt::format("unexpected character '{}'", src_.substr(pos_, n)), pos_, n,
           "outside strings Lamina source is ASCII; was a quote, minus sign or space pasted "
           "from a word processor?");
    fail(fmt::format("unexpected character (byte 0x{:02X})", c), pos_, 1);
  }

  const std::string& src_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  int depth_ = 0;  // bracket nesting: newlines inside brackets do not separate statements
  std::vector<Token> out_;
};

}  // namespace

std::vector<Token> lex(const std::string& source) {
  if (source.size() > kMaxSourceBytes)
    throw Error(ErrorKind::Limit,
                fmt::format("source is too large ({} bytes; the limit is {} bytes)", source.size(),
                            kMaxSourceBytes),
                {}, "a lambda body should be a few lines; move large constants into arguments");
  try {
    return Lexer(source).run();
  } catch (const Error& e) {
    throw e.with_source(source);
  }
}

}  // namespace lamina
