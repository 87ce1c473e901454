// Header dictionaries NumPy would not write, each with a message saying what is wrong.

#include "npy_test_util.h"

using namespace lamina;

namespace {

std::string message_for(std::string_view dict) {
  auto bytes = test::npy_file(dict, "");
  Error e = test::error_from([&] { parse_npy(bytes, "m.npy"); });
  CHECK(e.kind() == ErrorKind::File);
  return e.message();
}

}  // namespace

TEST_CASE("parse_npy explains syntax errors in the header with their byte offset") {
  CHECK(message_for("{'descr': '<f4' 'fortran_order': False}") ==
        "m.npy: malformed header: expected ',' at byte 16 of the header dictionary");
  CHECK(message_for("{'descr': '<f4") == "m.npy: malformed header: unterminated string at byte 10 of the header dictionary");
  CHECK(message_for("{'shape': (2, 3.5)}") ==
        "m.npy: malformed header: expected an integer, found a float at byte 15 of the header dictionary");
  CHECK(message_for("{'descr': dtype('f4')}") ==
        "m.npy: malformed header: unexpected name 'dtype' at byte 10 of the header dictionary");
  CHECK(message_for("{'descr': '<f4'} junk") ==
        "m.npy: malformed header: unexpected text after the end of the literal at byte 17 of the header dictionary");
  // An empty dictionary text is padded to 54 bytes (64 minus the 10-byte preamble).
  CHECK(message_for("") == "m.npy: malformed header: unexpected end of text at byte 54 of the header dictionary");
  CHECK(message_for("{'a': @}") == "m.npy: malformed header: unexpected character '@' at byte 6 of the header dictionary");
}

TEST_CASE("parse_npy requires a dictionary with exactly the three NumPy keys") {
  CHECK(message_for("('descr', '<f4')") == "m.npy: malformed header: it is not a dictionary");
  CHECK(message_for("{'descr': '<f4', 'shape': (1,)}") == "m.npy: malformed header: the key 'fortran_order' is missing");
  CHECK(message_for("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1}") ==
        "m.npy: malformed header: unexpected key 'extra'");
  CHECK(message_for("{1: 2}") == "m.npy: malformed header: a key is not a string");
}

TEST_CASE("parse_npy checks the type of each header value") {
  CHECK(message_for("{'descr': 4, 'fortran_order': False, 'shape': (1,)}") ==
        "m.npy: malformed header: 'descr' is not a string");
  CHECK(message_for("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}") ==
        "m.npy: malformed header: 'fortran_order' is not True or False");
  CHECK(message_for("{'descr': '<f4', 'fortran_order': False, 'shape': [1]}") ==
        "m.npy: malformed header: 'shape' is not a tuple of integers");
  CHECK(message_for("{'descr': '<f4', 'fortran_order': False, 'shape': ('a',)}") ==
        "m.npy: malformed header: 'shape' is not a tuple of integers");
  CHECK(message_for("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1)}") ==
        "m.npy: malformed header: negative dimension -1 in 'shape'");
}

TEST_CASE("parse_npy refuses deeply nested headers without exhausting the stack") {
  std::string dict = "{'descr': " + std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK(message_for(dict) == "m.npy: malformed header: literal nested too deeply at byte 42 of the header dictionary");
}
