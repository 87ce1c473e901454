// The data must be exactly element count × dtype size bytes.

#include "npy_test_util.h"

using namespace lamina;

TEST_CASE("parse_npy reports truncated data with both byte counts") {
  auto full = test::read_fixture("float32_2x3.npy");  // 128-byte header + 24 bytes of data
  full.resize(full.size() - 10);
  Error e = test::error_from([&] { parse_npy(full, "cut.npy"); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "cut.npy: expected 24 bytes of data for a float32 array of shape (2, 3), found 14");
}

TEST_CASE("read_npy reports a truncated file on disk") {
  auto full = test::read_fixture("int64_2.npy");
  std::string path = "lamina_test_truncated.npy";
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(full.data()), static_cast<std::streamsize>(full.size() - 1));
  }
  Error e = test::error_from([&] { read_npy(path); });
  std::remove(path.c_str());
  CHECK(e.message() == path + ": expected 16 bytes of data for a int64 array of shape (2,), found 15");
}

TEST_CASE("parse_npy reports trailing bytes after the data") {
  auto bytes = test::npy_file("{'descr': '<i4', 'fortran_order': False, 'shape': (), }", std::string(5, '\0'));
  Error e = test::error_from([&] { parse_npy(bytes, "long.npy"); });
  CHECK(e.message() == "long.npy: expected 4 bytes of data for a int32 array of shape (), found 5");
}
