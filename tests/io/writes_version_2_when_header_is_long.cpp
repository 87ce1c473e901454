// Format 1.0 stores the header length in 16 bits; a longer header needs 2.0.

#include "npy_test_util.h"

using namespace lamina;

TEST_CASE("serialize_npy switches to format 2.0 when the header exceeds 64 KiB") {
  Dims dims(25000, 1);  // "1, " per dimension: about 75 KB of header
  dims[0] = 2;
  Tensor t = Tensor::zeros(DType::Int32, dims);
  t.set_i64(1, 42);
  auto bytes = serialize_npy(t);
  REQUIRE(bytes.size() > 12);
  CHECK(static_cast<int>(bytes[6]) == 2);  // major version
  CHECK(static_cast<int>(bytes[7]) == 0);
  CHECK((bytes.size() - t.nbytes()) % 64 == 0);
  Tensor back = parse_npy(bytes, "long.npy");
  CHECK(back.dims() == dims);
  CHECK(back.get_i64(1) == 42);
}

TEST_CASE("serialize_npy uses format 1.0 for ordinary headers") {
  auto bytes = serialize_npy(Tensor::zeros(DType::Float32, {3, 4}));
  CHECK(static_cast<int>(bytes[6]) == 1);
  CHECK(static_cast<int>(bytes[7]) == 0);
}
