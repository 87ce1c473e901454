#pragma once
// The syntax tree of a lambda body, as parsed (no names resolved yet).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lamina/error.h"

namespace lamina::ast {

enum class ExprKind {
  Int,          // int_value; text = spelling
  Float,        // float_value; text = spelling
  Bool,         // int_value 0/1
  None,
  Str,          // text (for dtype names: cast(x, "int32"))
  Name,         // text; accepted prefixes (K., tf., np., ...) already stripped
  Attribute,    // args[0].text   (e.g. x.shape, x.T); text = attribute name
  Unary,        // op, args[0]
  Binary,       // op, args[0], args[1] (arithmetic, comparison, bitwise, and/or)
  Conditional,  // args = {then, cond, else}  (`then if cond else else`)
  Call,         // text = callee name (prefix stripped); args positional; keywords
  List,         // args
  Tuple,        // args
  Subscript,    // args[0] = value; args[1..] = index items (Expr, Slice, Ellipsis, None)
  Slice,        // args = {lower, upper, step}, each may be null
  Ellipsis,
};

/// Operators, spelled as in Python.
enum class Operator {
  Add, Sub, Mul, Div, FloorDiv, Mod, Pow, MatMul,
  Eq, Ne, Lt, Le, Gt, Ge,
  BitAnd, BitOr, BitXor, And, Or,
  Neg, Pos, Invert, Not,
};
const char* operator_spelling(Operator op);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Keyword {
  std::string name;
  SourceSpan span;  // of the name
  ExprPtr value;
};

struct Expr {
  ExprKind kind;
  SourceSpan span;  // the whole expression
  std::string text;
  int64_t int_value = 0;
  double float_value = 0;
  Operator op = Operator::Add;
  std::vector<ExprPtr> args;
  std::vector<Keyword> keywords;
};

enum class StmtKind {
  Assign,     // targets = value (several targets unpack a tuple: a, b = split(...))
  AugAssign,  // targets[0] op= value
  Return,     // value (a Tuple for several results)
  ExprStmt,   // value
};

struct Target {
  std::string name;
  SourceSpan span;
};

struct Stmt {
  StmtKind kind;
  SourceSpan span;
  std::vector<Target> targets;
  Operator op = Operator::Add;  // AugAssign
  ExprPtr value;
};

struct Program {
  bool has_header = false;     // `lambda ...:` present
  std::vector<Target> params;  // header parameters (empty header: none; no header: none)
  std::vector<Stmt> body;
  std::string source;
};

/// Renders the tree as indented text, one node per line with line:col.
std::string format_ast(const Program& p);

}  // namespace lamina::ast
