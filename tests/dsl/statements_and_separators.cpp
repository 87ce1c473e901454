// Statement kinds and their separators (newlines and ';'); indentation is not significant.

#include "dsl/dsl_test_util.h"

using namespace lamina;

TEST_CASE("assignment, augmented assignment, return and expression statements") {
  ast::Program p = parse("a = x\na += 1\nreturn a");
  REQUIRE(p.body.size() == 3);
  CHECK(p.body[0].kind == ast::StmtKind::Assign);
  CHECK(p.body[0].targets.at(0).name == "a");
  CHECK(p.body[1].kind == ast::StmtKind::AugAssign);
  CHECK(p.body[1].op == ast::Operator::Add);
  CHECK(p.body[2].kind == ast::StmtKind::Return);
  CHECK(parse("x + 1").body.at(0).kind == ast::StmtKind::ExprStmt);
}

TEST_CASE("every augmented operator maps to its binary operator") {
  using Op = ast::Operator;
  const std::pair<const char*, Op> cases[] = {
      {"+=", Op::Add},      {"-=", Op::Sub}, {"*=", Op::Mul},    {"/=", Op::Div},
      {"//=", Op::FloorDiv}, {"%=", Op::Mod}, {"**=", Op::Pow},   {"@=", Op::MatMul},
      {"&=", Op::BitAnd},   {"|=", Op::BitOr}, {"^=", Op::BitXor},
  };
  for (auto [spelling, op] : cases) {
    ast::Program p = parse(std::string("x ") + spelling + " y");
    REQUIRE(p.body.size() == 1);
    CHECK(p.body[0].kind == ast::StmtKind::AugAssign);
    CHECK(p.body[0].op == op);
    CHECK(p.body[0].targets.at(0).name == "x");
  }
}

TEST_CASE("semicolons separate statements like newlines") {
  ast::Program p = parse("a = 1; b = 2;; return a + b;");
  REQUIRE(p.body.size() == 3);
  CHECK(p.body[2].kind == ast::StmtKind::Return);
}

TEST_CASE("indentation is ignored") {
  ast::Program p = parse("lambda x:\n      a = x\n  b = a\n\t\treturn b");
  REQUIRE(p.body.size() == 3);
  CHECK(test::where(p.body[1].span) == "3:3");
  CHECK(test::where(p.body[2].span) == "4:3");
}

TEST_CASE("a statement's span covers the whole statement") {
  ast::Program p = parse("y = x + 1\nreturn y * 2");
  CHECK(test::where(p.body[0].span) == "1:1");
  CHECK(p.body[0].span.length == 9);
  CHECK(test::where(p.body[1].span) == "2:1");
  CHECK(p.body[1].span.length == 12);
}

TEST_CASE("the value of an assignment may span several lines inside brackets") {
  ast::Program p = parse("y = concat([a,\n   b],\n   axis=1)\nreturn y");
  REQUIRE(p.body.size() == 2);
  CHECK(ast::format_sexpr(*p.body[0].value) == "(call concat (list a b) axis=1)");
}
