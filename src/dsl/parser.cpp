// Parser: tokens -> ast::Program.
//
// Recursive descent following Python's grammar, lowest precedence first:
//   test        ::= or_test ['if' or_test 'else' test]
//   or_test     ::= and_test ('or' and_test)*
//   and_test    ::= not_test ('and' not_test)*
//   not_test    ::= 'not' not_test | comparison
//   comparison  ::= binary (('=='|'!='|'<'|'<='|'>'|'>=') binary)*
//   binary      ::= unary (binop unary)*     (precedence climbing: | ^ & + - * / // % @)
//   unary       ::= ('-'|'+'|'~') unary | power
//   power       ::= postfix ['**' unary]
//   postfix     ::= atom ('(' args ')' | '[' subscript ']' | '.' NAME)*
//   atom        ::= NUMBER | STRING+ | NAME | True | False | None | '...'
//                 | '(' [test (',' test)* [',']] ')' | '[' [test (',' test)* [',']] ']'
//
// Every construct that can contain itself raises the nesting depth (see Nesting), so
// hostile input such as 100000 '(' gets a Limit error instead of a stack overflow.

#include "dsl/parser.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "dsl/lexer.h"

namespace lamina {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;
using ast::Operator;

namespace {

// Builtin-name prefixes that are accepted and ignored: `K.mean` is `mean`.
constexpr std::array<std::string_view, 17> kIgnoredPrefixes = {
    "K.",     "ops.",   "keras.ops.", "keras.backend.", "backend.", "keras.activations.",
    "activations.", "tf.math.", "tf.nn.", "tf.linalg.", "tf.keras.backend.",
    "tf.keras.activations.", "tf.", "np.", "numpy.", "jnp.", "math.",
};
constexpr size_t kMaxPrefixParts = 3;  // tf.keras.backend.

SourceSpan join(const SourceSpan& a, const SourceSpan& b) {
  SourceSpan s = a;
  s.length = std::max(a.length, b.offset + b.length - a.offset);
  return s;
}

ExprPtr make(ExprKind kind, SourceSpan span) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->span = span;
  return e;
}

ExprPtr make_unary(Operator op, SourceSpan op_span, ExprPtr operand) {
  auto e = make(ExprKind::Unary, join(op_span, operand->span));
  e->op = op;
  e->args.push_back(std::move(operand));
  return e;
}

ExprPtr make_binary(Operator op, ExprPtr lhs, ExprPtr rhs) {
  auto e = make(ExprKind::Binary, join(lhs->span, rhs->span));
  e->op = op;
  e->args.push_back(std::move(lhs));
  e->args.push_back(std::move(rhs));
  return e;
}

/// Precedence of a binary operator token for precedence climbing; 0 if not one.
int binary_precedence(TokenKind k) {
  switch (k) {
    case TokenKind::Pipe: return 1;
    case TokenKind::Caret: return 2;
    case TokenKind::Amp: return 3;
    case TokenKind::Plus: case TokenKind::Minus: return 4;
    case TokenKind::Star: case TokenKind::Slash: case TokenKind::DoubleSlash:
    case TokenKind::Percent: case TokenKind::At: return 5;
    default: return 0;
  }
}

Operator binary_operator(TokenKind k) {
  switch (k) {
    case TokenKind::Pipe: return Operator::BitOr;
    case TokenKind::Caret: return Operator::BitXor;
    case TokenKind::Amp: return Operator::BitAnd;
    case TokenKind::Plus: return Operator::Add;
    case TokenKind::Minus: return Operator::Sub;
    case TokenKind::Star: return Operator::Mul;
    case TokenKind::Slash: return Operator::Div;
    case TokenKind::DoubleSlash: return Operator::FloorDiv;
    case TokenKind::Percent: return Operator::Mod;
    default: return Operator::MatMul;
  }
}

bool comparison_operator(TokenKind k, Operator& op) {
  switch (k) {
    case TokenKind::EqEq: op = Operator::Eq; return true;
    case TokenKind::NotEq: op = Operator::Ne; return true;
    case TokenKind::Less: op = Operator::Lt; return true;
    case TokenKind::LessEq: op = Operator::Le; return true;
    case TokenKind::Greater: op = Operator::Gt; return true;
    case TokenKind::GreaterEq: op = Operator::Ge; return true;
    default: return false;
  }
}

bool augmented_operator(TokenKind k, Operator& op) {
  switch (k) {
    case TokenKind::PlusAssign: op = Operator::Add; return true;
    case TokenKind::MinusAssign: op = Operator::Sub; return true;
    case TokenKind::StarAssign: op = Operator::Mul; return true;
    case TokenKind::SlashAssign: op = Operator::Div; return true;
    case TokenKind::DoubleSlashAssign: op = Operator::FloorDiv; return true;
    case TokenKind::PercentAssign: op = Operator::Mod; return true;
    case TokenKind::DoubleStarAssign: op = Operator::Pow; return true;
    case TokenKind::AtAssign: op = Operator::MatMul; return true;
    case TokenKind::AmpAssign: op = Operator::BitAnd; return true;
    case TokenKind::PipeAssign: op = Operator::BitOr; return true;
    case TokenKind::CaretAssign: op = Operator::BitXor; return true;
    default: return false;
  }
}

/// Python keywords that Lamina leaves out, with why and what to write instead.
struct PythonKeyword {
  std::string_view word;
  std::string_view message;
  std::string_view hint;
};

constexpr std::string_view kLoopHint =
    "loops are not part of the Lamina language; use reductions such as sum(x, axis=...) or cumsum";
constexpr std::string_view kImportHint =
    "builtins need no import: write mean(x), K.mean(x) or np.mean(x)";
constexpr std::string_view kDefHint =
    "write the whole computation in the lambda body; there are no user-defined functions";
constexpr std::string_view kControlHint =
    "a Lamina body runs straight through; choose values with `a if cond else b` or where(cond, a, b)";

constexpr PythonKeyword kPythonKeywords[] = {
    {"for", "'for' is not supported", kLoopHint},
    {"while", "'while' is not supported", kLoopHint},
    {"break", "'break' is not part of the Lamina language", kLoopHint},
    {"continue", "'continue' is not part of the Lamina language", kLoopHint},
    {"import", "'import' is not part of the Lamina language", kImportHint},
    {"from", "'from ... import' is not part of the Lamina language", kImportHint},
    {"as", "'as' is not part of the Lamina language", kImportHint},
    {"def", "'def' is not part of the Lamina language", kDefHint},
    {"class", "'class' is not part of the Lamina language", kDefHint},
    {"elif", "'elif' is not part of the Lamina language",
     "use `a if cond else b` or where(cond, a, b)"},
    {"await", "'await' is not part of the Lamina language", "Lamina code has no asynchronous calls"},
    {"async", "'async' is not part of the Lamina language", "Lamina code has no asynchronous calls"},
    {"yield", "'yield' is not part of the Lamina language", "return the result with 'return'"},
    {"with", "'with' is not part of the Lamina language", kControlHint},
    {"try", "'try' is not part of the Lamina language", kControlHint},
    {"except", "'except' is not part of the Lamina language", kControlHint},
    {"finally", "'finally' is not part of the Lamina language", kControlHint},
    {"raise", "'raise' is not part of the Lamina language", kControlHint},
    {"assert", "'assert' is not part of the Lamina language", kControlHint},
    {"del", "'del' is not part of the Lamina language", "names cannot be deleted; just stop using it"},
    {"pass", "'pass' is not part of the Lamina language", "an empty statement is not needed"},
    {"global", "'global' is not part of the Lamina language",
     "a lambda sees only its inputs, arguments and params"},
    {"nonlocal", "'nonlocal' is not part of the Lamina language",
     "a lambda sees only its inputs, arguments and params"},
};

const PythonKeyword* python_keyword(const Token& t) {
  if (t.kind != TokenKind::Name) return nullptr;
  for (const PythonKeyword& k : kPythonKeywords)
    if (k.word == t.text) return &k;
  return nullptr;
}

std::string describe(const Token& t) {
  switch (t.kind) {
    case TokenKind::End: return "end of input";
    case TokenKind::Newline: return "end of line";
    case TokenKind::String: return fmt::format("the string {}", quote_for_display(t.text));
    default: return fmt::format("'{}'", t.text);
  }
}

class Parser {
 public:
  explicit Parser(const std::string& source) : source_(source), toks_(lex(source)) {}

  ast::Program program() {
    ast::Program p;
    p.source = source_;
    skip_separators();
    const Token* colon = nullptr;
    if (at(TokenKind::KwLambda)) {
      p.has_header = true;
      header(p);
      colon = &prev();
    }
    bool returned = false;
    for (;;) {
      skip_separators();
      if (at(TokenKind::End)) break;
      if (returned)
        throw Error(ErrorKind::Syntax, "code after 'return' is never run", peek().span,
                    "remove it, or move the 'return' to the end");
      p.body.push_back(statement());
      returned = p.body.back().kind == ast::StmtKind::Return;
      if (!at(TokenKind::Newline) && !at(TokenKind::Semicolon) && !at(TokenKind::End))
        unexpected(peek(), "a new line or ';' after the statement");
    }
    if (p.body.empty()) {
      SourceSpan where = colon ? colon->span : peek().span;
      throw Error(ErrorKind::Syntax, "the lambda body is empty", where,
                  "write an expression, e.g. `lambda x: x * 2`");
    }
    return p;
  }

 private:
  // ---- token access ----

  const Token& peek(size_t k = 0) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
  const Token& prev() const { return toks_[pos_ == 0 ? 0 : pos_ - 1]; }
  bool at(TokenKind k) const { return peek().kind == k; }
  const Token& advance() {
    const Token& t = toks_[pos_];
    if (pos_ + 1 < toks_.size()) ++pos_;
    return t;
  }
  bool accept(TokenKind k) {
    if (!at(k)) return false;
    advance();
    return true;
  }
  void skip_separators() {
    while (at(TokenKind::Newline) || at(TokenKind::Semicolon)) advance();
  }

  // ---- errors ----

  [[noreturn]] void fail(const Token& at, std::string message, std::string hint = {}) const {
    throw Error(ErrorKind::Syntax, std::move(message), at.span, std::move(hint));
  }

  [[noreturn]] void reject_python_keyword(const Token& t, const PythonKeyword& k) const {
    fail(t, std::string(k.message), std::string(k.hint));
  }

  /// "expected X, found Y" — unless Y is a construct Lamina leaves out, which gets its own message.
  [[noreturn]] void unexpected(const Token& t, const std::string& expected, std::string hint = {}) const {
    if (const PythonKeyword* k = python_keyword(t)) reject_python_keyword(t, *k);
    switch (t.kind) {
      case TokenKind::Walrus:
        fail(t, "the walrus operator ':=' is not part of the Lamina language",
             "assign in a statement of its own: name = value");
      case TokenKind::ShiftLeft: case TokenKind::ShiftRight:
        fail(t, fmt::format("shift operators ('{}') are not part of the Lamina language", t.text),
             "multiply or divide by a power of two instead");
      case TokenKind::ShiftLeftAssign: case TokenKind::ShiftRightAssign:
        fail(t, fmt::format("'{}' is not part of the Lamina language", t.text),
             "multiply or divide by a power of two instead");
      case TokenKind::Arrow:
        fail(t, "annotations ('->') are not part of the Lamina language");
      case TokenKind::KwIn:
        fail(t, "'in' is not part of the Lamina language",
             "membership tests are not supported; compare with == and combine with any(...)");
      case TokenKind::KwIs:
        fail(t, "'is' is not part of the Lamina language", "compare values with == or !=");
      case TokenKind::Assign:
        if (hint.empty()) hint = "to compare, write '=='";
        break;
      default:
        break;
    }
    fail(t, fmt::format("expected {}, found {}", expected, describe(t)), std::move(hint));
  }

  /// Consumes the closer matching `open` or reports which bracket is left open.
  const Token& expect_closing(TokenKind close, const Token& open) {
    if (at(close)) return advance();
    const char* spelling = close == TokenKind::RParen ? ")" : close == TokenKind::RBracket ? "]" : "}";
    unexpected(peek(), fmt::format("'{}' to close '{}' at {}:{}", spelling, open.text, open.span.line,
                                   open.span.column));
  }

  const Token& expect_name(const std::string& what) {
    if (!at(TokenKind::Name)) unexpected(peek(), what);
    if (const PythonKeyword* k = python_keyword(peek())) reject_python_keyword(peek(), *k);
    return advance();
  }

  // ---- nesting depth ----

  /// Holds one or more levels of nesting until the end of the enclosing scope.
  class Nesting {
   public:
    explicit Nesting(Parser& p) : p_(p), saved_(p.depth_) {}
    ~Nesting() { p_.depth_ = saved_; }
    void enter(const Token& at) {
      if (++p_.depth_ > kMaxExpressionDepth)
        throw Error(ErrorKind::Limit,
                    fmt::format("expression nested too deeply (limit {})", kMaxExpressionDepth),
                    at.span, "split it into several statements with intermediate names");
    }

   private:
    Parser& p_;
    int saved_;
  };

  // ---- header and statements ----

  /// header ::= 'lambda' [NAME (',' NAME)* [',']] ':'
  void header(ast::Program& p) {
    advance();  // 'lambda'
    std::unordered_set<std::string> seen;
    while (!at(TokenKind::Colon)) {
      if (at(TokenKind::Star) || at(TokenKind::DoubleStar))
        fail(peek(), "'*args' and '**kwargs' parameters are not part of the Lamina language",
             "name each input: lambda a, b: ...");
      const Token& name = expect_name("a parameter name or ':' after 'lambda'");
      if (!seen.insert(name.text).second)
        fail(name, fmt::format("duplicate parameter '{}'", name.text), "give each input its own name");
      p.params.push_back({name.text, name.span});
      params_.insert(name.text);
      if (at(TokenKind::Assign))
        fail(peek(), "parameter default values are not part of the Lamina language",
             "pass constants through the layer's arguments instead");
      if (!accept(TokenKind::Comma)) break;
    }
    if (!at(TokenKind::Colon))
      unexpected(peek(), "':' after the lambda parameters",
                 at(TokenKind::Name) ? "separate parameters with ','" : "");
    advance();
  }

  ast::Stmt statement() {
    const Token& first = peek();
    ast::Stmt s;
    switch (first.kind) {
      case TokenKind::KwReturn: {
        advance();
        if (!starts_expression(peek()))
          unexpected(peek(), "a value after 'return'", "write e.g. `return x`");
        s.kind = ast::StmtKind::Return;
        s.value = expression_list();
        s.span = join(first.span, s.value->span);
        return s;
      }
      case TokenKind::KwIf: case TokenKind::KwElse:
        fail(first, fmt::format("'{}' statements are not part of the Lamina language", first.text),
             "use `a if cond else b` or where(cond, a, b)");
      case TokenKind::KwLambda:
        fail(first, "'lambda' may only start the source",
             "a source holds one lambda; write `lambda x:` once, at the very beginning");
      default:
        break;
    }
    if (const PythonKeyword* k = python_keyword(first)) reject_python_keyword(first, *k);

    ExprPtr lhs = expression_list();
    Operator op;
    if (at(TokenKind::Assign)) {
      s.kind = ast::StmtKind::Assign;
      s.targets = targets(*lhs);
      advance();
      s.value = expression_list();
      if (at(TokenKind::Assign))
        fail(peek(), "chained assignment (a = b = ...) is not part of the Lamina language",
             "write one assignment per statement");
    } else if (augmented_operator(peek().kind, op)) {
      const Token& op_tok = advance();
      if (!plain_name(*lhs))
        target_error(*lhs, fmt::format("'{}' needs a single name on its left", op_tok.text));
      s.kind = ast::StmtKind::AugAssign;
      s.op = op;
      s.targets.push_back({lhs->text, lhs->span});
      s.value = expression_list();
    } else if (at(TokenKind::Colon)) {
      fail(peek(), "type annotations are not part of the Lamina language", "write `name = value`");
    } else {
      s.kind = ast::StmtKind::ExprStmt;
      s.value = std::move(lhs);
    }
    s.span = join(first.span, s.value->span);
    return s;
  }

  /// The names an assignment binds: `a`, `a, b`, `(a, b)` or `[a, b]`.
  std::vector<ast::Target> targets(const Expr& lhs) {
    std::vector<ast::Target> out;
    auto single = [&](const Expr& e) {
      if (!plain_name(e)) target_error(e, "");
      out.push_back({e.text, e.span});
    };
    if (lhs.kind == ExprKind::Tuple || lhs.kind == ExprKind::List) {
      if (lhs.args.empty()) target_error(lhs, "");
      for (const ExprPtr& e : lhs.args) {
        if (e->kind == ExprKind::Tuple || e->kind == ExprKind::List)
          throw Error(ErrorKind::Syntax, "nested unpacking is not part of the Lamina language", e->span,
                      "unpack one level per statement: a, bc = ...; b, c = bc");
        single(*e);
      }
    } else {
      single(lhs);
    }
    return out;
  }

  /// A Name written without a prefix: `x` or `(x)` can be assigned, `np.x` cannot.
  bool plain_name(const Expr& e) const {
    if (e.kind != ExprKind::Name) return false;
    std::string_view text(source_);
    return text.substr(static_cast<size_t>(e.span.offset), static_cast<size_t>(e.span.length)).find('.') ==
           std::string_view::npos;
  }

  [[noreturn]] void target_error(const Expr& e, std::string message) const {
    std::string hint = "assign to a plain name";
    switch (e.kind) {
      case ExprKind::Subscript:
        if (message.empty()) message = "cannot assign to an element of a tensor";
        hint = "tensors are immutable; build a new one, e.g. with where(...)";
        break;
      case ExprKind::Attribute: case ExprKind::Name:  // a dotted name such as np.x
        if (message.empty()) message = "cannot assign to an attribute";
        hint = "tensors are immutable; assign the new value to a plain name";
        break;
      case ExprKind::Call:
        if (message.empty()) message = "cannot assign to a function call";
        hint = "to compare, write '=='";
        break;
      case ExprKind::Int: case ExprKind::Float: case ExprKind::Bool: case ExprKind::None:
      case ExprKind::Str: case ExprKind::Ellipsis:
        if (message.empty()) message = "cannot assign to a literal";
        break;
      case ExprKind::Binary: case ExprKind::Unary: case ExprKind::Conditional:
        if (message.empty()) message = "cannot assign to an expression";
        hint = "to compare, write '=='";
        break;
      default:
        if (message.empty()) message = "cannot assign to this expression";
    }
    throw Error(ErrorKind::Syntax, std::move(message), e.span, std::move(hint));
  }

  static bool starts_expression(const Token& t) {
    switch (t.kind) {
      case TokenKind::Name: case TokenKind::Int: case TokenKind::Float: case TokenKind::String:
      case TokenKind::KwTrue: case TokenKind::KwFalse: case TokenKind::KwNone:
      case TokenKind::LParen: case TokenKind::LBracket: case TokenKind::LBrace:
      case TokenKind::Minus: case TokenKind::Plus: case TokenKind::Tilde: case TokenKind::KwNot:
      case TokenKind::Ellipsis: case TokenKind::KwLambda:
        return true;
      default:
        return false;
    }
  }

  /// expression_list ::= test (',' test)* [',']   — a Tuple when there is a comma.
  ExprPtr expression_list() {
    ExprPtr first = test();
    if (!at(TokenKind::Comma)) return first;
    auto tuple = make(ExprKind::Tuple, first->span);
    tuple->args.push_back(std::move(first));
    while (accept(TokenKind::Comma)) {
      tuple->span = join(tuple->span, prev().span);
      if (!starts_expression(peek())) break;
      tuple->args.push_back(test());
      tuple->span = join(tuple->span, tuple->args.back()->span);
    }
    return tuple;
  }

  // ---- expressions ----

  /// test ::= or_test ['if' or_test 'else' test]
  ExprPtr test() {
    if (at(TokenKind::KwLambda))
      fail(peek(), "nested lambdas are not part of the Lamina language",
           "write the computation directly; the source holds one lambda");
    ExprPtr then = or_test();
    if (!at(TokenKind::KwIf)) return then;
    Nesting nesting(*this);
    nesting.enter(advance());
    ExprPtr cond = or_test();
    if (!at(TokenKind::KwElse))
      unexpected(peek(), "'else' in the conditional expression `a if condition else b`");
    advance();
    ExprPtr other = test();
    auto e = make(ExprKind::Conditional, join(then->span, other->span));
    e->args.push_back(std::move(then));
    e->args.push_back(std::move(cond));
    e->args.push_back(std::move(other));
    return e;
  }

  ExprPtr or_test() {
    ExprPtr lhs = and_test();
    Nesting nesting(*this);
    while (at(TokenKind::KwOr)) {
      nesting.enter(advance());
      lhs = make_binary(Operator::Or, std::move(lhs), and_test());
    }
    return lhs;
  }

  ExprPtr and_test() {
    ExprPtr lhs = not_test();
    Nesting nesting(*this);
    while (at(TokenKind::KwAnd)) {
      nesting.enter(advance());
      lhs = make_binary(Operator::And, std::move(lhs), not_test());
    }
    return lhs;
  }

  ExprPtr not_test() {
    if (!at(TokenKind::KwNot)) return comparison();
    Nesting nesting(*this);
    const Token& op = advance();
    nesting.enter(op);
    return make_unary(Operator::Not, op.span, not_test());
  }

  /// A chain `a < b < c` means `(a < b) and (b < c)`; the middle operand is copied.
  ExprPtr comparison() {
    ExprPtr lhs = binary(1);
    ExprPtr result;
    const Expr* last = nullptr;  // the previous right operand, owned by `result`
    Nesting nesting(*this);
    for (;;) {
      Operator op;
      if (at(TokenKind::KwNot) && peek(1).kind == TokenKind::KwIn)
        fail(peek(), "'not in' is not part of the Lamina language",
             "membership tests are not supported; compare with == and combine with any(...)");
      if (at(TokenKind::KwIn) || at(TokenKind::KwIs)) unexpected(peek(), "");
      if (!comparison_operator(peek().kind, op)) break;
      nesting.enter(advance());
      ExprPtr rhs = binary(1);
      const Expr* rhs_ptr = rhs.get();
      if (!result) {
        result = make_binary(op, std::move(lhs), std::move(rhs));
      } else {
        ExprPtr cmp = make_binary(op, ast::clone(*last), std::move(rhs));
        result = make_binary(Operator::And, std::move(result), std::move(cmp));
      }
      last = rhs_ptr;
    }
    return result ? std::move(result) : std::move(lhs);
  }

  /// Precedence climbing over the left-associative operators | ^ & + - * / // % @.
  ExprPtr binary(int min_precedence) {
    ExprPtr lhs = unary();
    Nesting nesting(*this);
    for (;;) {
      TokenKind k = peek().kind;
      if (k == TokenKind::ShiftLeft || k == TokenKind::ShiftRight) unexpected(peek(), "");
      int precedence = binary_precedence(k);
      if (precedence == 0 || precedence < min_precedence) break;
      nesting.enter(advance());
      ExprPtr rhs = binary(precedence + 1);
      lhs = make_binary(binary_operator(k), std::move(lhs), std::move(rhs));
    }
    return lhs;
  }

  /// unary ::= ('-'|'+'|'~') unary | power
  ExprPtr unary() {
    Operator op;
    switch (peek().kind) {
      case TokenKind::Minus: op = Operator::Neg; break;
      case TokenKind::Plus: op = Operator::Pos; break;
      case TokenKind::Tilde: op = Operator::Invert; break;
      default: return power();
    }
    Nesting nesting(*this);
    const Token& tok = advance();
    nesting.enter(tok);
    return make_unary(op, tok.span, unary());
  }

  /// power ::= postfix ['**' unary]   — right-associative, binds tighter than a unary on its left.
  ExprPtr power() {
    ExprPtr base = postfix();
    if (!at(TokenKind::DoubleStar)) return base;
    Nesting nesting(*this);
    nesting.enter(advance());
    return make_binary(Operator::Pow, std::move(base), unary());
  }

  ExprPtr postfix() {
    ExprPtr e = atom();
    Nesting nesting(*this);
    for (;;) {
      if (at(TokenKind::LParen)) {
        nesting.enter(peek());
        if (e->kind != ExprKind::Name)
          throw Error(ErrorKind::Syntax, "cannot call this expression", e->span,
                      "only functions can be called, e.g. mean(x, axis=1)");
        std::string callee = e->text;
        e = call(std::move(callee), e->span, nullptr);
      } else if (at(TokenKind::LBracket)) {
        nesting.enter(peek());
        e = subscript(std::move(e));
      } else if (at(TokenKind::Dot)) {
        nesting.enter(advance());
        const Token& name = expect_name("an attribute name after '.'");
        if (at(TokenKind::LParen)) {
          // A method call x.sum(axis=1) is sum(x, axis=1).
          SourceSpan start = e->span;
          e = call(name.text, start, std::move(e));
        } else {
          auto attr = make(ExprKind::Attribute, join(e->span, name.span));
          attr->text = name.text;
          attr->args.push_back(std::move(e));
          e = std::move(attr);
        }
      } else {
        return e;
      }
    }
  }

  /// call ::= '(' [arg (',' arg)* [',']] ')' ;  arg ::= test | NAME '=' test
  ExprPtr call(std::string callee, SourceSpan start, ExprPtr receiver) {
    const Token& open = advance();
    auto e = make(ExprKind::Call, start);
    e->text = std::move(callee);
    if (receiver) e->args.push_back(std::move(receiver));
    bool seen_keyword = false;
    std::unordered_set<std::string> keyword_names;
    while (!at(TokenKind::RParen)) {
      if (at(TokenKind::Star) || at(TokenKind::DoubleStar))
        fail(peek(), "argument unpacking ('*' and '**') is not part of the Lamina language",
             "pass each argument explicitly");
      if (!starts_expression(peek())) break;  // reported as an unclosed '('
      if (at(TokenKind::Name) && peek(1).kind == TokenKind::Assign) {
        const Token& name = expect_name("");
        if (!keyword_names.insert(name.text).second)
          fail(name, fmt::format("keyword argument '{}' is given twice", name.text), "remove one of them");
        advance();  // '='
        e->keywords.push_back({name.text, name.span, test()});
        seen_keyword = true;
      } else {
        ExprPtr arg = test();
        if (seen_keyword)
          throw Error(ErrorKind::Syntax, "positional argument after keyword argument", arg->span,
                      "put positional arguments first: f(x, axis=1)");
        e->args.push_back(std::move(arg));
      }
      if (!accept(TokenKind::Comma)) break;
    }
    e->span = join(e->span, expect_closing(TokenKind::RParen, open).span);
    return e;
  }

  /// subscript ::= '[' item (',' item)* [','] ']' ;  item ::= test | [test] ':' [test] [':' [test]]
  ExprPtr subscript(ExprPtr value) {
    const Token& open = advance();
    auto e = make(ExprKind::Subscript, value->span);
    e->args.push_back(std::move(value));
    if (at(TokenKind::RBracket)) unexpected(peek(), "an index");
    for (;;) {
      e->args.push_back(subscript_item());
      if (!accept(TokenKind::Comma) || !(starts_expression(peek()) || at(TokenKind::Colon))) break;
    }
    e->span = join(e->span, expect_closing(TokenKind::RBracket, open).span);
    // x[(0, 1)] is x[0, 1], as in NumPy.
    if (e->args.size() == 2 && e->args[1]->kind == ExprKind::Tuple && !e->args[1]->args.empty()) {
      ExprPtr tuple = std::move(e->args[1]);
      e->args.pop_back();
      for (ExprPtr& item : tuple->args) e->args.push_back(std::move(item));
    }
    return e;
  }

  ExprPtr subscript_item() {
    const Token& first = peek();
    ExprPtr lower;
    if (!at(TokenKind::Colon)) {
      lower = test();
      if (!at(TokenKind::Colon)) return lower;
    }
    auto slice = make(ExprKind::Slice, lower ? lower->span : first.span);
    advance();  // ':'
    auto component = [&]() -> ExprPtr {
      if (at(TokenKind::Colon) || at(TokenKind::Comma) || at(TokenKind::RBracket)) return nullptr;
      return test();
    };
    ExprPtr upper = component();
    ExprPtr step;
    if (accept(TokenKind::Colon)) step = component();
    slice->span = join(slice->span, prev().span);
    slice->args.push_back(std::move(lower));
    slice->args.push_back(std::move(upper));
    slice->args.push_back(std::move(step));
    return slice;
  }

  ExprPtr atom() {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::Int: {
        auto e = make(ExprKind::Int, advance().span);
        e->text = t.text;
        e->int_value = t.int_value;
        return e;
      }
      case TokenKind::Float: {
        auto e = make(ExprKind::Float, advance().span);
        e->text = t.text;
        e->float_value = t.float_value;
        return e;
      }
      case TokenKind::String: {
        auto e = make(ExprKind::Str, advance().span);
        e->text = t.text;
        while (at(TokenKind::String)) {  // 'a' 'b' is 'ab', as in Python
          e->text += peek().text;
          e->span = join(e->span, advance().span);
        }
        return e;
      }
      case TokenKind::KwTrue: case TokenKind::KwFalse: {
        auto e = make(ExprKind::Bool, advance().span);
        e->int_value = t.kind == TokenKind::KwTrue;
        e->text = t.text;
        return e;
      }
      case TokenKind::KwNone: {
        auto e = make(ExprKind::None, advance().span);
        e->text = t.text;
        return e;
      }
      case TokenKind::Ellipsis: {
        auto e = make(ExprKind::Ellipsis, advance().span);
        e->text = t.text;
        return e;
      }
      case TokenKind::Name:
        return name();
      case TokenKind::LParen:
        return parenthesized();
      case TokenKind::LBracket: {
        Nesting nesting(*this);
        const Token& open = advance();
        nesting.enter(open);
        auto list = make(ExprKind::List, open.span);
        while (!at(TokenKind::RBracket) && starts_expression(peek())) {
          list->args.push_back(test());
          if (!accept(TokenKind::Comma)) break;
        }
        list->span = join(open.span, expect_closing(TokenKind::RBracket, open).span);
        return list;
      }
      case TokenKind::LBrace:
        fail(t, "dict and set literals ('{') are not part of the Lamina language",
             "use a list [a, b] or a tuple (a, b)");
      case TokenKind::KwLambda:
        fail(t, "nested lambdas are not part of the Lamina language",
             "write the computation directly; the source holds one lambda");
      default:
        unexpected(t, "an expression");
    }
  }

  /// NAME, with an accepted prefix such as `K.` or `tf.math.` folded in.
  ExprPtr name() {
    if (const PythonKeyword* k = python_keyword(peek())) reject_python_keyword(peek(), *k);
    // The dotted chain a.b.c... starting here, up to the longest prefix plus one name.
    std::vector<const Token*> parts{&peek()};
    while (parts.size() <= kMaxPrefixParts && peek(2 * parts.size() - 1).kind == TokenKind::Dot &&
           peek(2 * parts.size()).kind == TokenKind::Name)
      parts.push_back(&peek(2 * parts.size()));
    size_t prefix_parts = 0;
    std::string prefix;
    for (size_t k = 1; k < parts.size() && !params_.count(parts[0]->text); ++k) {
      prefix += parts[k - 1]->text + ".";
      if (std::find(kIgnoredPrefixes.begin(), kIgnoredPrefixes.end(), prefix) != kIgnoredPrefixes.end())
        prefix_parts = k;
    }
    const Token& last = *parts[prefix_parts];
    auto e = make(ExprKind::Name, join(parts[0]->span, last.span));
    e->text = last.text;
    pos_ += 2 * prefix_parts + 1;
    if (prefix_parts > 0)
      if (const PythonKeyword* k = python_keyword(last)) reject_python_keyword(last, *k);
    return e;
  }

  /// '(' ')' | '(' test ')' | '(' test ',' [test (',' test)* [',']] ')'
  ExprPtr parenthesized() {
    Nesting nesting(*this);
    const Token& open = advance();
    nesting.enter(open);
    if (at(TokenKind::RParen)) return make(ExprKind::Tuple, join(open.span, advance().span));
    ExprPtr first = test();
    if (!at(TokenKind::Comma)) {
      first->span = join(open.span, expect_closing(TokenKind::RParen, open).span);
      return first;
    }
    auto tuple = make(ExprKind::Tuple, open.span);
    tuple->args.push_back(std::move(first));
    while (accept(TokenKind::Comma) && starts_expression(peek())) tuple->args.push_back(test());
    tuple->span = join(open.span, expect_closing(TokenKind::RParen, open).span);
    return tuple;
  }

  const std::string& source_;
  std::vector<Token> toks_;
  std::unordered_set<std::string> params_;  // a parameter named like a prefix (`lambda K: K.sum()`) is not one
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

ast::Program parse(const std::string& source) {
  try {
    return Parser(source).program();
  } catch (const Error& e) {
    throw e.with_source(source);
  }
}

}  // namespace lamina
