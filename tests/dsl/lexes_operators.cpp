// Operators and punctuation: longest match, keywords, Newline tokens, the token dump.

#include "dsl/dsl_test_util.h"

using namespace lamina;

namespace {
std::vector<TokenKind> kinds(const std::string& src) {
  std::vector<TokenKind> out;
  for (const Token& t : lex(src)) out.push_back(t.kind);
  return out;
}
}  // namespace

TEST_CASE("multi-character operators take the longest match") {
  using K = TokenKind;
  CHECK(kinds("** **= // //= == != <= >= += -= *= /= %= @= &= |= ^=") ==
        std::vector<K>{K::DoubleStar, K::DoubleStarAssign, K::DoubleSlash, K::DoubleSlashAssign,
                       K::EqEq, K::NotEq, K::LessEq, K::GreaterEq, K::PlusAssign, K::MinusAssign,
                       K::StarAssign, K::SlashAssign, K::PercentAssign, K::AtAssign, K::AmpAssign,
                       K::PipeAssign, K::CaretAssign, K::End});
  CHECK(kinds("a***b") == std::vector<K>{K::Name, K::DoubleStar, K::Star, K::Name, K::End});
  CHECK(kinds("x[...]") == std::vector<K>{K::Name, K::LBracket, K::Ellipsis, K::RBracket, K::End});
}

TEST_CASE("keywords are their own kinds - other words are names") {
  using K = TokenKind;
  CHECK(kinds("lambda return if else and or not True False None in is") ==
        std::vector<K>{K::KwLambda, K::KwReturn, K::KwIf, K::KwElse, K::KwAnd, K::KwOr, K::KwNot,
                       K::KwTrue, K::KwFalse, K::KwNone, K::KwIn, K::KwIs, K::End});
  CHECK(kinds("true none lambda_ _x for") == std::vector<K>{K::Name, K::Name, K::Name, K::Name, K::Name, K::End});
}

TEST_CASE("newlines separate statements only outside brackets - blank lines collapse") {
  using K = TokenKind;
  CHECK(kinds("a\n\n\nb") == std::vector<K>{K::Name, K::Newline, K::Name, K::End});
  CHECK(kinds("f(a,\n  b)\n") ==
        std::vector<K>{K::Name, K::LParen, K::Name, K::Comma, K::Name, K::RParen, K::Newline, K::End});
  CHECK(kinds("\n\na") == std::vector<K>{K::Name, K::End});
  CHECK(kinds("a\r\nb\rc") == std::vector<K>{K::Name, K::Newline, K::Name, K::Newline, K::Name, K::End});
}

TEST_CASE("tokens carry line and byte column") {
  auto toks = lex("x = 1\n  y\r\nz");
  CHECK(test::where(toks[2].span) == "1:5");
  CHECK(test::where(toks[4].span) == "2:3");
  CHECK(toks[4].span.offset == 8);
  CHECK(test::where(toks[6].span) == "3:1");
}

TEST_CASE("the token dump prints line:col, kind and text, one token per line") {
  CHECK(format_tokens(lex("x ** 2")) ==
        "1:1  NAME  'x'\n"
        "1:3  DOUBLE_STAR  '**'\n"
        "1:6  INT  '2'\n"
        "1:7  END  ''\n");
  CHECK(format_tokens(lex("a\nb")) ==
        "1:1  NAME  'a'\n"
        "1:2  NEWLINE  '\\n'\n"
        "2:1  NAME  'b'\n"
        "2:2  END  ''\n");
}
