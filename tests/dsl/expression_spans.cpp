// Every expression spans its whole text; binary operators from left operand to right operand.

#include "dsl/dsl_test_util.h"

using namespace lamina;

namespace {
std::string spanned(const std::string& src, const ast::Expr& e) {
  return src.substr(static_cast<size_t>(e.span.offset), static_cast<size_t>(e.span.length));
}
}  // namespace

TEST_CASE("binary, unary and call spans cover their operands") {
  std::string src = "y = -a * mean(b, axis=1)";
  ast::Program p = parse(src);
  const ast::Expr& mul = *p.body[0].value;
  CHECK(spanned(src, mul) == "-a * mean(b, axis=1)");
  CHECK(spanned(src, *mul.args[0]) == "-a");
  CHECK(spanned(src, *mul.args[1]) == "mean(b, axis=1)");
}

TEST_CASE("parentheses are part of the span of what they enclose") {
  std::string src = "(a + b) * c";
  ast::Program p = parse(src);
  const ast::Expr& mul = *p.body[0].value;
  CHECK(spanned(src, mul) == src);
  CHECK(spanned(src, *mul.args[0]) == "(a + b)");
}

TEST_CASE("lists, tuples, subscripts and attributes span their brackets") {
  std::string src = "f([a, b], (c, d), x[1:2], x.T)";
  ast::Program p = parse(src);
  const ast::Expr& call = *p.body[0].value;
  CHECK(spanned(src, *call.args[0]) == "[a, b]");
  CHECK(spanned(src, *call.args[1]) == "(c, d)");
  CHECK(spanned(src, *call.args[2]) == "x[1:2]");
  CHECK(spanned(src, *call.args[3]) == "x.T");
}

TEST_CASE("spans on later lines count lines and byte columns from 1") {
  std::string src = "a = 1\n\n  b = a ** 2";
  ast::Program p = parse(src);
  const ast::Expr& pow = *p.body[1].value;
  CHECK(test::where(pow.span) == "3:7");
  CHECK(pow.span.offset == 13);
  CHECK(spanned(src, pow) == "a ** 2");
}
