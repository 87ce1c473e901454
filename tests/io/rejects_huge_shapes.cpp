// A shape whose size overflows is refused before anything is allocated.

#include "npy_test_util.h"

using namespace lamina;

TEST_CASE("parse_npy refuses a shape whose element count overflows 64 bits") {
  auto bytes = test::npy_file(
      "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", "");
  Error e = test::error_from([&] { parse_npy(bytes, "big.npy"); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "big.npy: shape (4294967296, 4294967296) is too large: its size does not fit in 64 bits");
}

TEST_CASE("parse_npy refuses a shape whose byte size overflows 64 bits") {
  auto bytes = test::npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952,), }", "");
  Error e = test::error_from([&] { parse_npy(bytes, "big.npy"); });
  CHECK(e.message() == "big.npy: shape (2305843009213693952,) is too large: its size does not fit in 64 bits");
}

TEST_CASE("parse_npy reports a large but valid shape as missing data, allocating nothing") {
  auto bytes = test::npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000, 1000), }", "");
  Error e = test::error_from([&] { parse_npy(bytes, "big.npy"); });
  CHECK(e.message() ==
        "big.npy: expected 4000000000000 bytes of data for a float32 array of shape (1000000000, 1000), found 0");
}

TEST_CASE("parse_npy refuses a dimension beyond int64") {
  auto bytes = test::npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", "");
  Error e = test::error_from([&] { parse_npy(bytes, "big.npy"); });
  CHECK(e.message() == "big.npy: malformed header: integer too large at byte 69 of the header dictionary");
}
