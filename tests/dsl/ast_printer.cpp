// format_ast: the indented tree `lamina explain --emit ast` prints, one node per line with line:col.

#include "dsl/dsl_test_util.h"

using namespace lamina;

TEST_CASE("the tree lists the header, statements and nodes with their positions") {
  ast::Program p = parse("lambda a, b:\n  y = a + mean(b, axis=1)\n  return y[:, 0]");
  CHECK(ast::format_ast(p) ==
        "Program lambda a, b\n"
        "  Param a 1:8\n"
        "  Param b 1:11\n"
        "  Assign y 2:3\n"
        "    Binary + 2:7\n"
        "      Name a 2:7\n"
        "      Call mean 2:11\n"
        "        Name b 2:16\n"
        "        Keyword axis 2:19\n"
        "          Int 1 2:24\n"
        "  Return 3:3\n"
        "    Subscript 3:10\n"
        "      Name y 3:10\n"
        "      Slice 3:12\n"
        "      Int 0 3:15\n");
}

TEST_CASE("literals, slices with bounds and augmented assignments print their details") {
  ast::Program p = parse("x **= 2\ncast(x[1::2], 'int32') if not True else None");
  CHECK(ast::format_ast(p) ==
        "Program (no header)\n"
        "  AugAssign x **= 1:1\n"
        "    Int 2 1:7\n"
        "  ExprStmt 2:1\n"
        "    Conditional 2:1\n"
        "      Call cast 2:1\n"
        "        Subscript 2:6\n"
        "          Name x 2:6\n"
        "          Slice 2:8\n"
        "            lower: Int 1 2:8\n"
        "            step: Int 2 2:11\n"
        "        Str 'int32' 2:15\n"
        "      Unary not 2:27\n"
        "        Bool True 2:31\n"
        "      None 2:41\n");
}

TEST_CASE("a constant lambda says it has no parameters") {
  CHECK(ast::format_ast(parse("lambda: 1.5")) ==
        "Program lambda (no parameters)\n"
        "  ExprStmt 1:9\n"
        "    Float 1.5 1:9\n");
}

TEST_CASE("operator_spelling spells every operator as Python does") {
  using Op = ast::Operator;
  CHECK(std::string(ast::operator_spelling(Op::FloorDiv)) == "//");
  CHECK(std::string(ast::operator_spelling(Op::Pow)) == "**");
  CHECK(std::string(ast::operator_spelling(Op::MatMul)) == "@");
  CHECK(std::string(ast::operator_spelling(Op::Ne)) == "!=");
  CHECK(std::string(ast::operator_spelling(Op::BitXor)) == "^");
  CHECK(std::string(ast::operator_spelling(Op::And)) == "and");
  CHECK(std::string(ast::operator_spelling(Op::Neg)) == "-");
  CHECK(std::string(ast::operator_spelling(Op::Invert)) == "~");
  CHECK(std::string(ast::operator_spelling(Op::Not)) == "not");
}

TEST_CASE("clone copies a whole tree, keywords and null slice bounds included") {
  ast::Program p = parse("f(x[::2], axis=-1)");
  ast::ExprPtr copy = ast::clone(*p.body[0].value);
  CHECK(ast::format_sexpr(*copy) == "(call f (index x (slice _ _ 2)) axis=(- 1))");
  CHECK(copy->span.length == p.body[0].value->span.length);
  CHECK(copy->args[0].get() != p.body[0].value->args[0].get());
}
