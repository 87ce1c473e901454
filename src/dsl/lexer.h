#pragma once
// Lexer: Lamina source text -> tokens.

#include <cstddef>
#include <string>
#include <vector>

#include "dsl/token.h"

namespace lamina {

/// Sources larger than this are refused (ErrorKind::Limit) before any work is done.
constexpr size_t kMaxSourceBytes = size_t{1} << 20;

/// Splits `source` into tokens ending with one End token. Newlines outside brackets
/// become Newline tokens (blank lines and comments collapse into one); a backslash at
/// the end of a line joins it to the next. Throws lamina::Error (Syntax, Value, Limit).
std::vector<Token> lex(const std::string& source);

/// One token per line: `line:col  KIND  'text'` (what `lamina explain --emit tokens` prints).
std::string format_tokens(const std::vector<Token>& tokens);

/// `text` quoted for a message: non-printable bytes and quotes escaped, e.g. '\n'.
std::string quote_for_display(const std::string& text);

}  // namespace lamina
