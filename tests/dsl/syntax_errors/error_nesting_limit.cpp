// Deep nesting is a Limit error, never a stack overflow.

#include "dsl/dsl_test_util.h"

using lamina::ErrorKind;
using lamina::test::check_error;

namespace {
std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}
constexpr const char* kTooDeep = "expression nested too deeply (limit 200)";
}  // namespace

TEST_CASE("200 levels of parentheses are fine, 201 are not") {
  CHECK_NOTHROW(lamina::parse(repeat("(", 200) + "x" + repeat(")", 200)));
  check_error(repeat("(", 201) + "x" + repeat(")", 201), "1:201", kTooDeep, ErrorKind::Limit);
}

TEST_CASE("hostile inputs stop at the limit") {
  check_error(std::string(100000, '('), "1:201", kTooDeep, ErrorKind::Limit);
  check_error(std::string(100000, '['), "1:201", kTooDeep, ErrorKind::Limit);
  check_error(std::string(100000, '-'), "1:201", kTooDeep, ErrorKind::Limit);
  check_error(std::string(100000, '~') + "x", "1:201", kTooDeep, ErrorKind::Limit);
  check_error(repeat("not ", 50000) + "x", "1:801", kTooDeep, ErrorKind::Limit);
  check_error("f" + repeat("(f", 100000), "1:402", kTooDeep, ErrorKind::Limit);
}

TEST_CASE("long operator chains build deep trees and count too") {
  check_error("x" + repeat(" + x", 300), "1:803", kTooDeep, ErrorKind::Limit);   // the 201st '+'
  check_error("x" + repeat("**x", 300), "1:602", kTooDeep, ErrorKind::Limit);    // the 201st '**'
  check_error("x" + repeat("[0]", 300), "1:602", kTooDeep, ErrorKind::Limit);    // the 201st '['
  check_error("x" + repeat(".a", 300), "1:402", kTooDeep, ErrorKind::Limit);     // the 201st '.'
  check_error("x" + repeat(" < x", 300), "1:803", kTooDeep, ErrorKind::Limit);
  check_error(repeat("a if b else ", 300) + "c", "1:2403", kTooDeep, ErrorKind::Limit);
}

TEST_CASE("many short statements are not nesting") {
  CHECK(lamina::parse(repeat("x = x + 1\n", 5000)).body.size() == 5000);
  CHECK_NOTHROW(lamina::parse("[" + repeat("1, ", 20000) + "]"));
}
