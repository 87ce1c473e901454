#pragma once
// Helpers shared by the DSL tests.

#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "dsl/lexer.h"
#include "dsl/parser.h"

namespace lamina::test {

/// The s-expression of the value of a one-statement body.
inline std::string sexpr(const std::string& source) {
  ast::Program p = parse(source);
  REQUIRE(p.body.size() == 1);
  REQUIRE(p.body[0].value);
  return ast::format_sexpr(*p.body[0].value);
}

/// The error parse() throws for `source`; fails the test if it parses.
inline Error parse_error(const std::string& source) {
  try {
    parse(source);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a parse error for: " << source);
  throw;  // unreachable
}

/// The error lex() throws for `source`; fails the test if it lexes.
inline Error lex_error(const std::string& source) {
  try {
    lex(source);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a lex error for: " << source);
  throw;  // unreachable
}

/// "line:col" of a span, for compact checks.
inline std::string where(const SourceSpan& s) { return std::to_string(s.line) + ":" + std::to_string(s.column); }

/// Checks that parsing `source` fails with `message` at `expected_where` ("line:col").
inline void check_error(const std::string& source, const std::string& expected_where,
                        const std::string& message, ErrorKind kind = ErrorKind::Syntax) {
  INFO("source: " << source);
  Error e = parse_error(source);
  CHECK(e.message() == message);
  CHECK(where(e.span()) == expected_where);
  CHECK(e.kind() == kind);
}

}  // namespace lamina::test
