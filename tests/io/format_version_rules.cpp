// The "lamina_format" version of a file: "MAJOR.MINOR". Any minor version of a
// known major is read; a higher major is "written by a newer Lamina"; anything
// else is refused as malformed, and a file without one is not a Lamina file.

#include "io/format_version.h"
#include "io_test_util.h"

using namespace lamina;

namespace {

Error refusal(const std::string& version) {
  return test::error_from([&] { check_format_version({{"lamina_format", version}}, "m.lamina"); });
}

}  // namespace

TEST_CASE("format_version is what this build writes") {
  CHECK(format_version() == "1.0");
  FormatVersion v = check_format_version({{"lamina_format", format_version()}}, "m.lamina");
  CHECK(v.major == kFormatMajor);
  CHECK(v.minor == kFormatMinor);
}

TEST_CASE("check_format_version reads newer minor versions of the same major") {
  FormatVersion v = check_format_version({{"lamina_format", "1.12"}, {"unknown", "ignored"}}, "m.lamina");
  CHECK(v.major == 1);
  CHECK(v.minor == 12);
}

TEST_CASE("check_format_version refuses a newer major version") {
  Error e = refusal("2.0");
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "m.lamina: written by a newer Lamina (format 2.0); this build reads up to format 1.x");
  CHECK(e.hint() == "update Lamina to load this file");
  CHECK(refusal("31.4").message() ==
        "m.lamina: written by a newer Lamina (format 31.4); this build reads up to format 1.x");
}

TEST_CASE("check_format_version refuses malformed versions") {
  for (std::string bad : {"", "1", "1.", ".0", "01.0", "1.00", "1.0.0", "a.b", "-1.0", "+1.0", " 1.0", "0.9",
                          "1234567.0", "1.0 "}) {
    INFO("'" << bad << "'");
    CHECK(refusal(bad).message() ==
          "m.lamina: __metadata__ \"lamina_format\" is '" + bad + "', not a format version such as \"1.0\"");
  }
}

TEST_CASE("check_format_version refuses a file without a version") {
  Error e = test::error_from([&] { check_format_version({{"format", "pt"}}, "weights.safetensors"); });
  CHECK(e.message() == "weights.safetensors: not a Lamina file: its __metadata__ has no \"lamina_format\" entry");
}
