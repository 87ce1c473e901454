// Argument::parse: Python literal text from the command line (`--arg NAME=VALUE`).
//
//   value ::= ['-'|'+'] (INT | FLOAT | inf | nan) | True | False | STRING+
//           | '(' [value (',' value)* [',']] ')' | '[' [value (',' value)* [',']] ']'

#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dsl/lexer.h"
#include "lamina/lambda.h"

namespace lamina {

namespace {

constexpr int kMaxArgumentDepth = 200;
constexpr const char* kArgumentHint =
    "write a Python literal: 3, -0.5, 1e-3, True, 'int32', or a list or tuple such as (2, 3)";

class LiteralReader {
 public:
  LiteralReader(const std::string& text, std::vector<Token> toks) : text_(text), toks_(std::move(toks)) {}

  Argument read() {
    Argument a = value(0);
    while (at(TokenKind::Newline)) advance();
    if (!at(TokenKind::End)) fail(fmt::format("unexpected {} after the value", describe(peek())));
    return a;
  }

 private:
  const Token& peek() const { return toks_[pos_]; }
  bool at(TokenKind k) const { return peek().kind == k; }
  const Token& advance() {
    const Token& t = toks_[pos_];
    if (pos_ + 1 < toks_.size()) ++pos_;
    return t;
  }

  static std::string describe(const Token& t) {
    switch (t.kind) {
      case TokenKind::End: return "end of text";
      case TokenKind::Newline: return "line break";
      default: return fmt::format("'{}'", t.text);
    }
  }

  [[noreturn]] void fail(const std::string& why, std::string hint = kArgumentHint) const {
    std::string shown = text_.size() > 60 ? text_.substr(0, 57) + "..." : text_;
    throw Error(ErrorKind::Value, fmt::format("cannot read argument value {}: {}", quote_for_display(shown), why),
                {}, std::move(hint));
  }

  Argument value(int depth) {
    if (depth > kMaxArgumentDepth) fail(fmt::format("lists nested too deeply (limit {})", kMaxArgumentDepth));
    const Token& t = advance();
    switch (t.kind) {
      case TokenKind::Minus: case TokenKind::Plus: {
        bool negate = t.kind == TokenKind::Minus;
        const Token& n = advance();
        if (n.kind == TokenKind::Int) return Argument(negate ? -n.int_value : n.int_value);
        if (n.kind == TokenKind::Float) return Argument(negate ? -n.float_value : n.float_value);
        if (n.kind == TokenKind::Name && (n.text == "inf" || n.text == "nan")) {
          double v = n.text == "inf" ? HUGE_VAL : std::nan("");
          return Argument(negate ? -v : v);
        }
        fail(fmt::format("expected a number after '{}', found {}", t.text, describe(n)));
      }
      case TokenKind::Int: return Argument(t.int_value);
      case TokenKind::Float: return Argument(t.float_value);
      case TokenKind::KwTrue: return Argument(true);
      case TokenKind::KwFalse: return Argument(false);
      case TokenKind::String: {
        std::string s = t.text;
        while (at(TokenKind::String)) s += advance().text;
        return Argument(std::move(s));
      }
      case TokenKind::Name:
        if (t.text == "inf") return Argument(HUGE_VAL);
        if (t.text == "nan") return Argument(std::nan(""));
        fail(fmt::format("'{}' is not a literal", t.text),
             fmt::format("a string needs quotes: '{}'", t.text));
      case TokenKind::KwNone:
        fail("None is not a valid argument value", "leave the argument out instead");
      case TokenKind::LParen: case TokenKind::LBracket: {
        TokenKind close = t.kind == TokenKind::LParen ? TokenKind::RParen : TokenKind::RBracket;
        Argument::List items;
        bool comma = false;
        while (!at(close)) {
          items.push_back(value(depth + 1));
          if (!at(TokenKind::Comma)) break;
          advance();
          comma = true;
        }
        if (!at(close))
          fail(fmt::format("expected ',' or '{}', found {}", close == TokenKind::RParen ? ")" : "]",
                           describe(peek())));
        advance();
        // (3) is just 3; (3,) and [3] are lists.
        if (t.kind == TokenKind::LParen && items.size() == 1 && !comma) return std::move(items[0]);
        return Argument(std::move(items));
      }
      default:
        fail(fmt::format("expected a value, found {}", describe(t)));
    }
  }

  const std::string& text_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
};

}  // namespace

Argument Argument::parse(const std::string& text) {
  std::vector<Token> toks;
  try {
    toks = lex(text);
  } catch (const Error& e) {
    std::string shown = text.size() > 60 ? text.substr(0, 57) + "..." : text;
    throw Error(ErrorKind::Value, fmt::format("cannot read argument value {}: {}", quote_for_display(shown), e.message()),
                {}, kArgumentHint);
  }
  return LiteralReader(text, std::move(toks)).read();
}

}  // namespace lamina
