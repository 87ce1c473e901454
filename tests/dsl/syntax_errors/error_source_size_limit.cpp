// Sources over 1 MiB are refused before any work.

#include "dsl/dsl_test_util.h"

using namespace lamina;

TEST_CASE("a source of exactly 1 MiB is accepted, one byte more is not") {
  std::string ok = "x" + std::string((1 << 20) - 1, ' ');
  CHECK_NOTHROW(parse(ok));
  Error e = test::parse_error(ok + " ");
  CHECK(e.kind() == ErrorKind::Limit);
  CHECK(e.message() == "source is too large (1048577 bytes; the limit is 1048576 bytes)");
  CHECK_FALSE(e.span().valid());
}
