// Headers that other writers (or old NumPy) produce and NumPy accepts.

#include "npy_test_util.h"

using namespace lamina;

TEST_CASE("parse_npy accepts keys in any order, double quotes and no trailing comma") {
  auto bytes = test::npy_file("{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<i8\"}",
                              std::string(16, '\0'));
  Tensor t = parse_npy(bytes, "a.npy");
  CHECK(t.dtype() == DType::Int64);
  CHECK(t.dims() == Dims{2});
}

TEST_CASE("parse_npy accepts Python 2 long integers in the shape") {
  auto bytes = test::npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (1L, 2L), }",
                              std::string(8, '\0'));
  CHECK(parse_npy(bytes, "py2.npy").dims() == Dims{1, 2});
}

TEST_CASE("parse_npy accepts native byte order '=' and any order for bools") {
  auto f = test::npy_file("{'descr': '=f8', 'fortran_order': False, 'shape': (), }", std::string(8, '\0'));
  CHECK(parse_npy(f, "f.npy").dtype() == DType::Float64);
  auto b = test::npy_file("{'descr': '<b1', 'fortran_order': False, 'shape': (1,), }", std::string(1, '\1'));
  CHECK(parse_npy(b, "b.npy").dtype() == DType::Bool);
}

TEST_CASE("parse_npy accepts fortran_order True for 1-d arrays, whose layout is the same") {
  auto bytes = test::npy_file("{'descr': '<i4', 'fortran_order': True, 'shape': (2,), }",
                              std::string("\x05\0\0\0\x06\0\0\0", 8));
  Tensor t = parse_npy(bytes, "f.npy");
  CHECK(t.get_i64(0) == 5);
  CHECK(t.get_i64(1) == 6);
}
