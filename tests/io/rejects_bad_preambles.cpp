// The fixed bytes before the header: version and header length.

#include "npy_test_util.h"

using namespace lamina;

TEST_CASE("parse_npy names an unsupported format version") {
  auto bytes = test::read_fixture("float32_2x3.npy");
  bytes[6] = std::byte{4};
  Error e = test::error_from([&] { parse_npy(bytes, "v4.npy"); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "v4.npy: unsupported .npy format version 4.0 (Lamina reads 1.0, 2.0 and 3.0)");
  bytes[6] = std::byte{1};
  bytes[7] = std::byte{1};
  CHECK(test::error_from([&] { parse_npy(bytes, "v4.npy"); }).message() ==
        "v4.npy: unsupported .npy format version 1.1 (Lamina reads 1.0, 2.0 and 3.0)");
}

TEST_CASE("parse_npy reports a file that ends inside the header") {
  auto bytes = test::read_fixture("float32_2x3.npy");
  bytes.resize(40);
  Error e = test::error_from([&] { parse_npy(bytes, "cut.npy"); });
  CHECK(e.message() == "cut.npy: truncated .npy file: the header should be 118 bytes long but the file ends after 30");
  bytes.resize(9);  // inside the 2-byte header length
  CHECK(test::error_from([&] { parse_npy(bytes, "cut.npy"); }).message() ==
        "cut.npy: truncated .npy file: it ends inside the header");
}

TEST_CASE("parse_npy refuses a header longer than 1 MiB before reading it") {
  // Format 2.0 with a header length of 0x00200000 (2 MiB) and nothing after it.
  std::string file("\x93NUMPY\x02\x00\x00\x00\x20\x00", 12);
  Error e = test::error_from([&] { parse_npy(test::bytes_of(file), "huge.npy"); });
  CHECK(e.kind() == ErrorKind::Limit);
  CHECK(e.message() == "huge.npy: the .npy header is 2097152 bytes long; Lamina refuses headers over 1048576 bytes");
}
