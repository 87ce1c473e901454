// Format 2.0 and 3.0 differ from 1.0 only in a 4-byte header length (and 3.0's
// UTF-8 header); the same array must come back from each.

#include "npy_test_util.h"

using namespace lamina;
using lamina::test::fixture_path;

TEST_CASE("read_npy reads .npy format versions 2.0 and 3.0") {
  for (const char* name : {"float32_2x3_v2.npy", "float32_2x3_v3.npy"}) {
    INFO(name);
    Tensor t = read_npy(fixture_path(name));
    CHECK(t.dtype() == DType::Float32);
    CHECK(t.dims() == Dims{2, 3});
    std::vector<double> expected{-1, -0.5, 0, 0.5, 1, 1.5};
    for (int i = 0; i < 6; ++i) CHECK(t.get_f64(i) == expected[i]);
  }
}

TEST_CASE("parse_npy reads a hand-built format 2.0 file") {
  auto bytes = test::npy_file("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }",
                              std::string("\x07\0\0\0\xff\xff\xff\xff", 8), 2);
  Tensor t = parse_npy(bytes, "v2.npy");
  CHECK(t.dims() == Dims{2});
  CHECK(t.get_i64(0) == 7);
  CHECK(t.get_i64(1) == -1);
}
