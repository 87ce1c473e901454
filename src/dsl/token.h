#pragma once
// The tokens of Lamina source text, as the lexer produces them.

#include <cstdint>
#include <string>

#include "lamina/error.h"

namespace lamina {

/// Every kind of token. Python keywords that Lamina rejects (for, while, import, ...)
/// are lexed as Name so the parser can explain why they are not allowed.
#define LAMINA_TOKEN_KINDS(X)                                                  \
  /* Literals and names */                                                     \
  X(Name, "NAME") X(Int, "INT") X(Float, "FLOAT") X(String, "STRING")          \
  /* Arithmetic and bitwise operators */                                       \
  X(Plus, "PLUS") X(Minus, "MINUS") X(Star, "STAR") X(Slash, "SLASH")          \
  X(DoubleSlash, "DOUBLE_SLASH") X(Percent, "PERCENT")                         \
  X(DoubleStar, "DOUBLE_STAR") X(At, "AT") X(Tilde, "TILDE") X(Amp, "AMP")     \
  X(Pipe, "PIPE") X(Caret, "CARET")                                            \
  X(ShiftLeft, "SHIFT_LEFT") X(ShiftRight, "SHIFT_RIGHT") /* rejected */       \
  /* Comparisons */                                                            \
  X(EqEq, "EQ_EQ") X(NotEq, "NOT_EQ") X(Less, "LESS") X(LessEq, "LESS_EQ")     \
  X(Greater, "GREATER") X(GreaterEq, "GREATER_EQ")                             \
  /* Assignment */                                                             \
  X(Assign, "ASSIGN") X(PlusAssign, "PLUS_ASSIGN")                             \
  X(MinusAssign, "MINUS_ASSIGN") X(StarAssign, "STAR_ASSIGN")                  \
  X(SlashAssign, "SLASH_ASSIGN") X(DoubleSlashAssign, "DOUBLE_SLASH_ASSIGN")   \
  X(PercentAssign, "PERCENT_ASSIGN") X(DoubleStarAssign, "DOUBLE_STAR_ASSIGN") \
  X(AtAssign, "AT_ASSIGN") X(AmpAssign, "AMP_ASSIGN")                          \
  X(PipeAssign, "PIPE_ASSIGN") X(CaretAssign, "CARET_ASSIGN")                  \
  X(ShiftLeftAssign, "SHIFT_LEFT_ASSIGN") /* rejected */                       \
  X(ShiftRightAssign, "SHIFT_RIGHT_ASSIGN") /* rejected */                     \
  X(Walrus, "WALRUS") /* := rejected */ X(Arrow, "ARROW") /* -> rejected */    \
  /* Punctuation */                                                            \
  X(LParen, "LPAREN") X(RParen, "RPAREN") X(LBracket, "LBRACKET")              \
  X(RBracket, "RBRACKET") X(LBrace, "LBRACE") X(RBrace, "RBRACE")              \
  X(Comma, "COMMA") X(Colon, "COLON") X(Semicolon, "SEMICOLON") X(Dot, "DOT")  \
  X(Ellipsis, "ELLIPSIS")                                                      \
  /* Keywords */                                                               \
  X(KwLambda, "LAMBDA") X(KwReturn, "RETURN") X(KwIf, "IF") X(KwElse, "ELSE")  \
  X(KwAnd, "AND") X(KwOr, "OR") X(KwNot, "NOT") X(KwTrue, "TRUE")              \
  X(KwFalse, "FALSE") X(KwNone, "NONE") X(KwIn, "IN") X(KwIs, "IS")            \
  /* Structure */                                                              \
  X(Newline, "NEWLINE") /* statement separator (not inside brackets) */        \
  X(End, "END")

enum class TokenKind {
#define LAMINA_TOKEN_ENUM(name, spelling) name,
  LAMINA_TOKEN_KINDS(LAMINA_TOKEN_ENUM)
#undef LAMINA_TOKEN_ENUM
};

/// The upper-case name `explain --emit tokens` prints, e.g. "DOUBLE_STAR".
const char* token_kind_name(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::End;
  /// The spelling as written; for a String, its decoded contents (without quotes).
  std::string text;
  SourceSpan span;
  int64_t int_value = 0;    // Int
  double float_value = 0;   // Float
};

}  // namespace lamina
