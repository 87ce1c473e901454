// Arrays saved by NumPy's np.save (tests/io/data/make_fixtures.py) read back
// with the dtype, shape and values the script gave them.

#include "npy_test_util.h"

using namespace lamina;
using lamina::test::fixture_path;

TEST_CASE("read_npy reads a float32 matrix saved by NumPy") {
  Tensor t = read_npy(fixture_path("float32_2x3.npy"));
  CHECK(t.dtype() == DType::Float32);
  CHECK(t.dims() == Dims{2, 3});
  std::vector<double> expected{-1, -0.5, 0, 0.5, 1, 1.5};
  for (int i = 0; i < 6; ++i) CHECK(t.get_f64(i) == expected[i]);
}

TEST_CASE("read_npy reads float64 values exactly") {
  Tensor t = read_npy(fixture_path("float64_3.npy"));
  CHECK(t.dtype() == DType::Float64);
  CHECK(t.dims() == Dims{3});
  CHECK(t.get_f64(0) == 1.5);
  CHECK(t.get_f64(1) == -2.25);
  CHECK(t.get_f64(2) == 1e300);
}

TEST_CASE("read_npy reads int32 and int64 extremes") {
  Tensor a = read_npy(fixture_path("int32_2x2.npy"));
  CHECK(a.dtype() == DType::Int32);
  CHECK(a.dims() == Dims{2, 2});
  CHECK(a.get_i64(0) == 1);
  CHECK(a.get_i64(1) == -2);
  CHECK(a.get_i64(2) == 2147483647);
  CHECK(a.get_i64(3) == -2147483648LL);

  Tensor b = read_npy(fixture_path("int64_2.npy"));
  CHECK(b.dtype() == DType::Int64);
  CHECK(b.get_i64(0) == std::numeric_limits<int64_t>::min());
  CHECK(b.get_i64(1) == std::numeric_limits<int64_t>::max());
}

TEST_CASE("read_npy reads a bool vector") {
  Tensor t = read_npy(fixture_path("bool_4.npy"));
  CHECK(t.dtype() == DType::Bool);
  CHECK(t.dims() == Dims{4});
  CHECK(t.get_i64(0) == 1);
  CHECK(t.get_i64(1) == 0);
  CHECK(t.get_i64(2) == 0);
  CHECK(t.get_i64(3) == 1);
}

TEST_CASE("read_npy reads a 0-d array as a scalar") {
  Tensor t = read_npy(fixture_path("scalar_float64.npy"));
  CHECK(t.dtype() == DType::Float64);
  CHECK(t.dims().empty());
  CHECK(t.size() == 1);
  CHECK(t.get_f64(0) == 3.25);
}

TEST_CASE("read_npy reads an empty array") {
  Tensor t = read_npy(fixture_path("empty_int32_0x3.npy"));
  CHECK(t.dtype() == DType::Int32);
  CHECK(t.dims() == Dims{0, 3});
  CHECK(t.size() == 0);
}
