// NumPy reads any non-zero byte of a bool array as True; Lamina stores 0 or 1.

#include "npy_test_util.h"

using namespace lamina;

TEST_CASE("parse_npy turns non-zero bool bytes into exactly 1") {
  auto bytes = test::npy_file("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }",
                              std::string("\x02\x00\xff", 3));
  Tensor t = parse_npy(bytes, "b.npy");
  const auto* p = static_cast<const unsigned char*>(t.raw());
  CHECK(p[0] == 1);
  CHECK(p[1] == 0);
  CHECK(p[2] == 1);
}
