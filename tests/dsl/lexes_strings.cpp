// String literals: both quotes, escapes, raw strings.

#include "dsl/dsl_test_util.h"

using namespace lamina;

TEST_CASE("strings in single and double quotes hold their contents") {
  auto toks = lex("'int32' \"float64\"");
  REQUIRE(toks.size() == 3);
  CHECK(toks[0].kind == TokenKind::String);
  CHECK(toks[0].text == "int32");
  CHECK(toks[0].span.length == 7);
  CHECK(toks[1].text == "float64");
  CHECK(toks[1].span.column == 9);
}

TEST_CASE("escapes are decoded - unknown escapes are kept as written") {
  CHECK(lex(R"('a\'b')")[0].text == "a'b");
  CHECK(lex(R"("a\"b")")[0].text == "a\"b");
  CHECK(lex(R"('a\nb\tc\\d')")[0].text == "a\nb\tc\\d");
  CHECK(lex(R"('\d')")[0].text == "\\d");
  CHECK(lex(R"(r'\n')")[0].text == "\\n");
  CHECK(lex("'it''s'")[0].text == "it");  // two adjacent strings
  CHECK(lex("\"it's\"")[0].text == "it's");
}

TEST_CASE("strings may hold any bytes, including non-ASCII") {
  CHECK(lex("'h\xc3\xa9'")[0].text == "h\xc3\xa9");
}

TEST_CASE("adjacent strings are joined by the parser") {
  CHECK(test::sexpr("cast(x, 'int' \"32\")") == "(call cast x 'int32')");
}

TEST_CASE("lexer errors quote the source line") {
  try {
    lex("x = 'abc");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "1:5: error: unterminated string\n    x = 'abc\n        ^~~~\nhint: close the string with ' on the same line");
  }
}
