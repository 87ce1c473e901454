// A file that is not .npy at all (a CSV, an .npz, an empty file) is named as such.

#include "npy_test_util.h"

using namespace lamina;
using Catch::Matchers::Contains;

TEST_CASE("parse_npy rejects data without the NumPy magic string") {
  for (std::string text : {std::string("1.0,2.0\n3.0,4.0\n"), std::string("PK\x03\x04 zip"), std::string(""),
                           std::string("\x93NUMP")}) {
    Error e = test::error_from([&] { parse_npy(test::bytes_of(text), "data.csv"); });
    CHECK(e.kind() == ErrorKind::File);
    CHECK(e.message() == "data.csv: not a .npy file (it does not start with the NumPy magic string \"\\x93NUMPY\")");
  }
}

TEST_CASE("read_npy names a missing file") {
  Error e = test::error_from([] { read_npy("no/such/file.npy"); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "no/such/file.npy: cannot open: No such file or directory");
}

TEST_CASE("read_npy refuses a directory") {
  Error e = test::error_from([] { read_npy("."); });
  CHECK(e.message() == ".: cannot read: it is a directory");
}

TEST_CASE("write_npy names a path it cannot write") {
  Error e = test::error_from([] { write_npy("no/such/dir/out.npy", Tensor::zeros(DType::Float32, {2})); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK_THAT(e.message(), Contains("no/such/dir/out.npy: cannot open for writing: No such file or directory"));
}
