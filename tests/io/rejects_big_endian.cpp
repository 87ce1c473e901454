#include "npy_test_util.h"

using namespace lamina;

TEST_CASE("read_npy refuses big-endian data and says how to convert it") {
  Error e = test::error_from([] { parse_npy(test::read_fixture("big_endian_f4.npy"), "be.npy"); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "be.npy: array is big-endian ('>f4'); save it as little-endian with a.astype('<f4')");
}

TEST_CASE("parse_npy refuses a multi-byte dtype without byte order") {
  auto bytes = test::npy_file("{'descr': '|i8', 'fortran_order': False, 'shape': (1,), }", std::string(8, '\0'));
  Error e = test::error_from([&] { parse_npy(bytes, "x.npy"); });
  CHECK(e.message() == "x.npy: dtype '|i8' has no byte order although it is 8 bytes wide; expected '<i8'");
}
