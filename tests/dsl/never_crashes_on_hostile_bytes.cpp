// Any byte string either parses or gives a lamina::Error whose span lies in the source.

#include <random>

#include "dsl/dsl_test_util.h"

using namespace lamina;

namespace {
/// Parses `src`; returns true if it parsed. Anything but a lamina::Error escapes and fails the test.
bool parses_or_reports(const std::string& src) {
  try {
    parse(src);
    return true;
  } catch (const Error& e) {
    INFO("source bytes: " << src.size() << ", error: " << e.what());
    CHECK(e.span().offset >= 0);
    CHECK(static_cast<size_t>(e.span().offset) <= src.size());
    CHECK_FALSE(e.message().empty());
    return false;
  }
}
}  // namespace

TEST_CASE("NUL bytes, invalid UTF-8 and lone carriage returns") {
  CHECK_FALSE(parses_or_reports(std::string("x\0y", 3)));
  CHECK_FALSE(parses_or_reports("\xff\xfe"));
  CHECK_FALSE(parses_or_reports("\xe2\x88"));  // a truncated 3-byte sequence
  CHECK(parses_or_reports("a = 1\rb = a\rb"));
  CHECK(parses_or_reports("\r\r\rx"));
  std::string odd_string = "cast(x, 'ab')";
  odd_string[9] = '\xff';
  odd_string[10] = '\0';
  CHECK(parses_or_reports(odd_string));  // any bytes may appear inside a string
}

TEST_CASE("random bytes and random token soup never crash") {
  std::mt19937 rng(1234);
  const std::string alphabet = "()[]{}+-*/%@~&|^<>=!:;,.'\"\\#\n\r\t 0123456789abexjKnp_";
  const char* words[] = {"lambda", "x", "if", "else", "not", "and", "or", "return", "...", "K.", "(", ")",
                         "[", "]", ":", ",", "=", "**", "1e5", ".5", "'s'", "\n", ";", "None", "for", "+="};
  int parsed = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string src;
    size_t n = rng() % 40;
    for (size_t j = 0; j < n; ++j) {
      if (i % 3 == 0) src += static_cast<char>(rng() % 256);
      else if (i % 3 == 1) src += alphabet[rng() % alphabet.size()];
      else src += std::string(words[rng() % std::size(words)]) + " ";
    }
    parsed += parses_or_reports(src);
  }
  CHECK(parsed > 0);  // the generator also reaches valid programs
}
