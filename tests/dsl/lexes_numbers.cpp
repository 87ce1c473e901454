// Integer and float literals: spellings, values, underscores, radix prefixes.

#include "dsl/dsl_test_util.h"

using namespace lamina;

namespace {
Token only_token(const std::string& src) {
  auto toks = lex(src);
  REQUIRE(toks.size() == 2);
  REQUIRE(toks[1].kind == TokenKind::End);
  return toks[0];
}
}  // namespace

TEST_CASE("integers keep their spelling and value") {
  Token t = only_token("12");
  CHECK(t.kind == TokenKind::Int);
  CHECK(t.text == "12");
  CHECK(t.int_value == 12);
  CHECK(only_token("0").int_value == 0);
  CHECK(only_token("00").int_value == 0);
  CHECK(only_token("1_000").int_value == 1000);
  CHECK(only_token("1_000").text == "1_000");
  CHECK(only_token("9223372036854775807").int_value == 9223372036854775807LL);
}

TEST_CASE("hex, octal and binary integers") {
  CHECK(only_token("0x1f").int_value == 31);
  CHECK(only_token("0X1F").int_value == 31);
  CHECK(only_token("0o17").int_value == 15);
  CHECK(only_token("0b101").int_value == 5);
  CHECK(only_token("0xff_ff").int_value == 65535);
  CHECK(only_token("0x7fffffffffffffff").int_value == 9223372036854775807LL);
}

TEST_CASE("floats in every Python spelling") {
  CHECK(only_token("1.5").kind == TokenKind::Float);
  CHECK(only_token("1.5").float_value == 1.5);
  CHECK(only_token(".5").float_value == 0.5);
  CHECK(only_token("1.").float_value == 1.0);
  CHECK(only_token("1.").kind == TokenKind::Float);
  CHECK(only_token("1e-12").float_value == 1e-12);
  CHECK(only_token("2E+3").float_value == 2000.0);
  CHECK(only_token("1e3").kind == TokenKind::Float);
  CHECK(only_token("1.e2").float_value == 100.0);
  CHECK(only_token("1_0.2_5").float_value == 10.25);
  CHECK(only_token("1e999").float_value == std::numeric_limits<double>::infinity());
  CHECK(only_token("1e-999").float_value == 0.0);
}

TEST_CASE("a minus sign is its own token") {
  auto toks = lex("-3");
  REQUIRE(toks.size() == 3);
  CHECK(toks[0].kind == TokenKind::Minus);
  CHECK(toks[1].int_value == 3);
}

TEST_CASE("a dot starts a float only when a digit follows") {
  auto toks = lex("x.T .5");
  REQUIRE(toks.size() == 5);
  CHECK(toks[1].kind == TokenKind::Dot);
  CHECK(toks[2].kind == TokenKind::Name);
  CHECK(toks[3].kind == TokenKind::Float);
  CHECK(toks[3].float_value == 0.5);
}
