// Error::what() and format_diagnostic: "line:col: error: ...", quoted line, caret, hint.

#include <catch2/catch.hpp>

#include "lamina/error.h"

using namespace lamina;

namespace {
SourceSpan span(int line, int col, int offset, int length) { return SourceSpan{line, col, offset, length}; }
}  // namespace

TEST_CASE("an error without source shows position, message and hint") {
  Error e(ErrorKind::Name, "unknown name 'meen'", span(2, 9, 16, 4), "did you mean 'mean'?");
  CHECK(std::string(e.what()) == "2:9: error: unknown name 'meen'\nhint: did you mean 'mean'?");
  CHECK(e.kind() == ErrorKind::Name);
  CHECK(e.message() == "unknown name 'meen'");
  CHECK(e.hint() == "did you mean 'mean'?");
  CHECK(e.span().column == 9);
}

TEST_CASE("with_source quotes the line and underlines the span") {
  std::string src = "lambda x:\n    x -= meen(x, axis=1)\n";
  Error e(ErrorKind::Name, "unknown name 'meen'", span(2, 10, 19, 4), "did you mean 'mean'?");
  Error quoted = e.with_source(src);
  CHECK(std::string(quoted.what()) ==
        "2:10: error: unknown name 'meen'\n"
        "        x -= meen(x, axis=1)\n"
        "    " + std::string(9, ' ') + "^~~~\n"
        "hint: did you mean 'mean'?");
  CHECK(quoted.kind() == ErrorKind::Name);
  CHECK(quoted.message() == e.message());
  CHECK(std::string(e.what()).find("meen(x") == std::string::npos);  // the original is unchanged
}

TEST_CASE("no hint line when the hint is empty") {
  CHECK(format_diagnostic("bad", span(1, 3, 2, 1), "", nullptr) == "1:3: error: bad");
  std::string src = "a + $";
  CHECK(format_diagnostic("bad", span(1, 5, 4, 1), "", &src) == "1:5: error: bad\n    a + $\n        ^");
}

TEST_CASE("errors with no span print 'error: message' and the hint") {
  std::string src = "x";
  CHECK(format_diagnostic("file not found", SourceSpan{}, "check the path", &src) ==
        "error: file not found\nhint: check the path");
  Error e(ErrorKind::File, "file not found");
  CHECK(std::string(e.what()) == "error: file not found");
}

TEST_CASE("tabs before the span are kept in the caret line so it aligns") {
  std::string src = "\tx\t= meen";
  CHECK(format_diagnostic("m", span(1, 6, 5, 4), "", &src) == "1:6: error: m\n    \tx\t= meen\n    \t \t  ^~~~");
}

TEST_CASE("the caret is clipped at the end of the line - a zero length still gets one caret") {
  std::string src = "f(a,\n  b)";
  CHECK(format_diagnostic("m", span(1, 3, 2, 40), "", &src) == "1:3: error: m\n    f(a,\n      ^~");
  CHECK(format_diagnostic("m", span(1, 1, 0, 0), "", &src) == "1:1: error: m\n    f(a,\n    ^");
  CHECK(format_diagnostic("m", span(2, 3, 7, 1), "", &src) == "2:3: error: m\n      b)\n      ^");
}

TEST_CASE("a span past the end of the line points just after it") {
  std::string src = "mean(x";
  CHECK(format_diagnostic("m", span(1, 7, 6, 1), "", &src) == "1:7: error: m\n    mean(x\n    " + std::string(6, ' ') + "^");
  CHECK(format_diagnostic("m", span(1, 99, 98, 5), "", &src) == "1:99: error: m\n    mean(x\n    " + std::string(6, ' ') + "^");
}

TEST_CASE("spans beyond the source do not crash and quote nothing") {
  std::string src = "x";
  CHECK(format_diagnostic("m", span(7, 1, 500, 3), "h", &src) == "7:1: error: m\nhint: h");
  std::string empty;
  CHECK(format_diagnostic("m", span(1, 4, 3, 1), "", &empty) == "1:4: error: m\n    \n    ^");
  CHECK(format_diagnostic("m", span(1, -5, -5, -1), "", &src) == "1:-5: error: m\n    x\n    ^");
}

TEST_CASE("CRLF and lone CR line endings are understood") {
  std::string src = "a = 1\r\nb = $\rc";
  CHECK(format_diagnostic("m", span(2, 5, 11, 1), "", &src) == "2:5: error: m\n    b = $\n        ^");
  CHECK(format_diagnostic("m", span(3, 1, 13, 1), "", &src) == "3:1: error: m\n    c\n    ^");
}

TEST_CASE("multi-byte characters take one column under the caret") {
  std::string src = "f('\xc3\xa9', $)";  // f('é', $): '$' is byte 8 but the 8th character
  CHECK(format_diagnostic("m", span(1, 9, 8, 1), "", &src) ==
        "1:9: error: m\n    f('\xc3\xa9', $)\n    " + std::string(7, ' ') + "^");
}

TEST_CASE("a very long line is cut to a window around the span") {
  std::string src = std::string(300, 'a') + " $ " + std::string(300, 'b');
  std::string text = format_diagnostic("m", span(1, 302, 301, 1), "", &src);
  std::string expected_line = "    ..." + std::string(39, 'a') + " $ " + std::string(78, 'b') + "...";
  std::string expected_caret = "    " + std::string(3 + 40, ' ') + "^";
  CHECK(text == "1:302: error: m\n" + expected_line + "\n" + expected_caret);
}

TEST_CASE("control characters in the quoted line are shown as '?'") {
  std::string src = std::string("x\0y", 3);
  CHECK(format_diagnostic("m", span(1, 2, 1, 1), "", &src) == "1:2: error: m\n    x?y\n     ^");
}
