// Unsupported dtypes are named, with the list of supported ones.

#include "npy_test_util.h"

using namespace lamina;

namespace {
const std::string kSupported =
    "Lamina reads float32 '<f4', float64 '<f8', int32 '<i4', int64 '<i8' and bool '|b1'. "
    "Convert it with a.astype(np.float32) or similar";
}

TEST_CASE("read_npy names float16 and lists the supported dtypes") {
  Error e = test::error_from([] { parse_npy(test::read_fixture("float16_3.npy"), "h.npy"); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "h.npy: unsupported dtype '<f2' (float16); " + kSupported);
}

TEST_CASE("read_npy names uint8") {
  Error e = test::error_from([] { parse_npy(test::read_fixture("uint8_3.npy"), "u.npy"); });
  CHECK(e.message() == "u.npy: unsupported dtype '|u1' (uint8); " + kSupported);
}

TEST_CASE("parse_npy names string and complex dtypes") {
  auto s = test::npy_file("{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }", std::string(12, 'a'));
  CHECK(test::error_from([&] { parse_npy(s, "s.npy"); }).message() ==
        "s.npy: unsupported dtype '<U3' (a unicode string type); " + kSupported);
  auto c = test::npy_file("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", std::string(16, '\0'));
  CHECK(test::error_from([&] { parse_npy(c, "c.npy"); }).message() ==
        "c.npy: unsupported dtype '<c16' (complex128); " + kSupported);
}

TEST_CASE("read_npy refuses object arrays without reading their pickled data") {
  Error e = test::error_from([] { parse_npy(test::read_fixture("object_2.npy"), "o.npy"); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "o.npy: object arrays (dtype 'O') are not supported; convert the array to a numeric "
                       "dtype such as a.astype(np.float32) before saving");
}

TEST_CASE("read_npy refuses structured arrays") {
  Error e = test::error_from([] { parse_npy(test::read_fixture("structured_2.npy"), "r.npy"); });
  CHECK(e.message() ==
        "r.npy: structured arrays (with named fields) are not supported; save each field as its own array");
}
