#pragma once
// Parser: Lamina source text -> syntax tree (recursive descent, Python precedence).

#include <string>

#include "dsl/ast.h"

namespace lamina {

/// Expressions nested deeper than this are refused (ErrorKind::Limit), so that no
/// recursive walk over the tree (here or in later passes) can overflow the stack.
constexpr int kMaxExpressionDepth = 200;

/// Parses a whole lambda: the optional `lambda a, b:` header and the body.
/// Throws lamina::Error (Syntax, Value or Limit); its what() quotes the source line.
ast::Program parse(const std::string& source);

}  // namespace lamina

namespace lamina::ast {

/// A deep copy (comparison chains `a < b < c` repeat the middle operand).
ExprPtr clone(const Expr& e);

/// A compact one-line rendering for tests: `(+ a (* b c))`, `(call mean x axis=1)`,
/// `(index x (slice _ _ (- 1)) None)`, `(if c a b)`, `(tuple a b)`, `(list a b)`, `(. x shape)`.
std::string format_sexpr(const Expr& e);

}  // namespace lamina::ast
