// Argument::parse reads the Python literals of `--arg NAME=VALUE`.

#include <catch2/catch.hpp>
#include <cmath>

#include "lamina/lambda.h"

using namespace lamina;

namespace {
template <class T>
T as(const Argument& a) {
  REQUIRE(std::holds_alternative<T>(a.value));
  return std::get<T>(a.value);
}

Error value_error(const std::string& text) {
  try {
    Argument::parse(text);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected an error for: " << text);
  throw;
}
}  // namespace

TEST_CASE("numbers: ints stay ints, floats stay floats, signs apply") {
  CHECK(as<int64_t>(Argument::parse("3")) == 3);
  CHECK(as<int64_t>(Argument::parse("-2")) == -2);
  CHECK(as<int64_t>(Argument::parse("+7")) == 7);
  CHECK(as<double>(Argument::parse("0.5")) == 0.5);
  CHECK(as<double>(Argument::parse("1e-3")) == 0.001);
  CHECK(as<double>(Argument::parse("-.25")) == -0.25);
  CHECK(as<double>(Argument::parse(" 2.0 ")) == 2.0);
  CHECK(std::isinf(as<double>(Argument::parse("-inf"))));
  CHECK(std::isnan(as<double>(Argument::parse("nan"))));
}

TEST_CASE("booleans and strings") {
  CHECK(as<bool>(Argument::parse("True")) == true);
  CHECK(as<bool>(Argument::parse("False")) == false);
  CHECK(as<std::string>(Argument::parse("'int32'")) == "int32");
  CHECK(as<std::string>(Argument::parse("\"float64\"")) == "float64");
}

TEST_CASE("tuples and lists, nested, with trailing commas") {
  auto t = as<Argument::List>(Argument::parse("(2, 3)"));
  REQUIRE(t.size() == 2);
  CHECK(as<int64_t>(t[0]) == 2);
  CHECK(as<int64_t>(t[1]) == 3);
  auto l = as<Argument::List>(Argument::parse("[1, 2.5, [True, 'a'],]"));
  REQUIRE(l.size() == 3);
  CHECK(as<int64_t>(l[0]) == 1);
  CHECK(as<double>(l[1]) == 2.5);
  auto inner = as<Argument::List>(l[2]);
  REQUIRE(inner.size() == 2);
  CHECK(as<bool>(inner[0]));
  CHECK(as<std::string>(inner[1]) == "a");
  CHECK(as<Argument::List>(Argument::parse("()")).empty());
  CHECK(as<Argument::List>(Argument::parse("(5,)")).size() == 1);
  CHECK(as<int64_t>(Argument::parse("(5)")) == 5);  // parentheses alone do not make a tuple
}

TEST_CASE("anything else is a Value error saying what is wrong") {
  Error e = value_error("abc");
  CHECK(e.kind() == ErrorKind::Value);
  CHECK(e.message() == "cannot read argument value 'abc': 'abc' is not a literal");
  CHECK(e.hint() == "a string needs quotes: 'abc'");

  CHECK(value_error("(1, ").message() == "cannot read argument value '(1, ': expected a value, found end of text");
  CHECK(value_error("[1 2]").message() == "cannot read argument value '[1 2]': expected ',' or ']', found '2'");
  CHECK(value_error("1 2").message() == "cannot read argument value '1 2': unexpected '2' after the value");
  CHECK(value_error("None").message() == "cannot read argument value 'None': None is not a valid argument value");
  CHECK(value_error("-'a'").message() == "cannot read argument value '-\\'a\\'': expected a number after '-', found 'a'");
  CHECK(value_error("").message() == "cannot read argument value '': expected a value, found end of text");
  CHECK(value_error("x + 1").kind() == ErrorKind::Value);
}

TEST_CASE("lexer errors become Value errors too") {
  Error e = value_error("'abc");
  CHECK(e.kind() == ErrorKind::Value);
  CHECK(e.message() == "cannot read argument value '\\'abc': unterminated string");
  CHECK(value_error("99999999999999999999").kind() == ErrorKind::Value);
  CHECK(value_error("$").message() == "cannot read argument value '$': unexpected character '$'");
}

TEST_CASE("deeply nested lists are refused, not a stack overflow") {
  Error e = value_error(std::string(100000, '['));
  CHECK(e.message().find("nested too deeply") != std::string::npos);
}
