// Printing and copying syntax trees.

#include "dsl/ast.h"

#include <fmt/format.h>

#include "dsl/lexer.h"
#include "dsl/parser.h"

namespace lamina::ast {

const char* operator_spelling(Operator op) {
  switch (op) {
    case Operator::Add: return "+";
    case Operator::Sub: return "-";
    case Operator::Mul: return "*";
    case Operator::Div: return "/";
    case Operator::FloorDiv: return "//";
    case Operator::Mod: return "%";
    case Operator::Pow: return "**";
    case Operator::MatMul: return "@";
    case Operator::Eq: return "==";
    case Operator::Ne: return "!=";
    case Operator::Lt: return "<";
    case Operator::Le: return "<=";
    case Operator::Gt: return ">";
    case Operator::Ge: return ">=";
    case Operator::BitAnd: return "&";
    case Operator::BitOr: return "|";
    case Operator::BitXor: return "^";
    case Operator::And: return "and";
    case Operator::Or: return "or";
    case Operator::Neg: return "-";
    case Operator::Pos: return "+";
    case Operator::Invert: return "~";
    case Operator::Not: return "not";
  }
  return "?";
}

ExprPtr clone(const Expr& e) {
  auto c = std::make_unique<Expr>();
  c->kind = e.kind;
  c->span = e.span;
  c->text = e.text;
  c->int_value = e.int_value;
  c->float_value = e.float_value;
  c->op = e.op;
  for (const ExprPtr& a : e.args) c->args.push_back(a ? clone(*a) : nullptr);
  for (const Keyword& k : e.keywords) c->keywords.push_back({k.name, k.span, k.value ? clone(*k.value) : nullptr});
  return c;
}

namespace {

std::string sexpr_or_blank(const ExprPtr& e) { return e ? format_sexpr(*e) : "_"; }

std::string sexpr_list(const char* head, const Expr& e, size_t first = 0) {
  std::string out = fmt::format("({}", head);
  for (size_t i = first; i < e.args.size(); ++i) out += " " + sexpr_or_blank(e.args[i]);
  for (const Keyword& k : e.keywords) out += fmt::format(" {}={}", k.name, sexpr_or_blank(k.value));
  return out + ")";
}

const char* kind_name(ExprKind k) {
  switch (k) {
    case ExprKind::Int: return "Int";
    case ExprKind::Float: return "Float";
    case ExprKind::Bool: return "Bool";
    case ExprKind::None: return "None";
    case ExprKind::Str: return "Str";
    case ExprKind::Name: return "Name";
    case ExprKind::Attribute: return "Attribute";
    case ExprKind::Unary: return "Unary";
    case ExprKind::Binary: return "Binary";
    case ExprKind::Conditional: return "Conditional";
    case ExprKind::Call: return "Call";
    case ExprKind::List: return "List";
    case ExprKind::Tuple: return "Tuple";
    case ExprKind::Subscript: return "Subscript";
    case ExprKind::Slice: return "Slice";
    case ExprKind::Ellipsis: return "Ellipsis";
  }
  return "?";
}

std::string at(const SourceSpan& s) { return fmt::format("{}:{}", s.line, s.column); }

void print_expr(std::string& out, const Expr& e, int indent, const char* label = "") {
  std::string pad(static_cast<size_t>(indent) * 2, ' ');
  std::string detail;
  switch (e.kind) {
    case ExprKind::Int: case ExprKind::Float: case ExprKind::Bool: case ExprKind::Name:
    case ExprKind::Attribute: case ExprKind::Call:
      detail = " " + e.text;
      break;
    case ExprKind::Str: detail = " " + quote_for_display(e.text); break;
    case ExprKind::Unary: case ExprKind::Binary: detail = fmt::format(" {}", operator_spelling(e.op)); break;
    default: break;
  }
  out += fmt::format("{}{}{}{} {}\n", pad, label, kind_name(e.kind), detail, at(e.span));
  if (e.kind == ExprKind::Slice) {
    static const char* const kLabels[] = {"lower: ", "upper: ", "step: "};
    for (size_t i = 0; i < e.args.size() && i < 3; ++i)
      if (e.args[i]) print_expr(out, *e.args[i], indent + 1, kLabels[i]);
    return;
  }
  for (const ExprPtr& a : e.args)
    if (a) print_expr(out, *a, indent + 1);
  for (const Keyword& k : e.keywords) {
    out += fmt::format("{}  Keyword {} {}\n", pad, k.name, at(k.span));
    if (k.value) print_expr(out, *k.value, indent + 2);
  }
}

std::string join_targets(const std::vector<Target>& targets) {
  std::string out;
  for (const Target& t : targets) out += (out.empty() ? "" : ", ") + t.name;
  return out;
}

}  // namespace

std::string format_sexpr(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Int: case ExprKind::Float: case ExprKind::Name: return e.text;
    case ExprKind::Bool: return e.int_value ? "True" : "False";
    case ExprKind::None: return "None";
    case ExprKind::Ellipsis: return "...";
    case ExprKind::Str: return quote_for_display(e.text);
    case ExprKind::Attribute: return fmt::format("(. {} {})", sexpr_or_blank(e.args.at(0)), e.text);
    case ExprKind::Unary: case ExprKind::Binary: return sexpr_list(operator_spelling(e.op), e);
    case ExprKind::Conditional:
      return fmt::format("(if {} {} {})", sexpr_or_blank(e.args.at(1)), sexpr_or_blank(e.args.at(0)),
                         sexpr_or_blank(e.args.at(2)));
    case ExprKind::Call: return sexpr_list(("call " + e.text).c_str(), e);
    case ExprKind::List: return sexpr_list("list", e);
    case ExprKind::Tuple: return sexpr_list("tuple", e);
    case ExprKind::Subscript: return sexpr_list("index", e);
    case ExprKind::Slice: return sexpr_list("slice", e);
  }
  return "?";
}

std::string format_ast(const Program& p) {
  std::string out = "Program";
  if (!p.has_header) out += " (no header)";
  else if (p.params.empty()) out += " lambda (no parameters)";
  else out += " lambda " + join_targets(p.params);
  out += "\n";
  for (const Target& t : p.params) out += fmt::format("  Param {} {}\n", t.name, at(t.span));
  for (const Stmt& s : p.body) {
    switch (s.kind) {
      case StmtKind::Assign:
        out += fmt::format("  Assign {} {}\n", join_targets(s.targets), at(s.span));
        break;
      case StmtKind::AugAssign:
        out += fmt::format("  AugAssign {} {}= {}\n", join_targets(s.targets), operator_spelling(s.op),
                           at(s.span));
        break;
      case StmtKind::Return: out += fmt::format("  Return {}\n", at(s.span)); break;
      case StmtKind::ExprStmt: out += fmt::format("  ExprStmt {}\n", at(s.span)); break;
    }
    if (s.value) print_expr(out, *s.value, 2);
  }
  return out;
}

}  // namespace lamina::ast
