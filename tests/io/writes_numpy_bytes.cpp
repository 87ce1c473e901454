// serialize_npy produces exactly the bytes np.save wrote for the same array:
// same header text, NumPy's spare spaces, 64-byte alignment, same data.

#include "npy_test_util.h"

using namespace lamina;

namespace {

Tensor filled(DType dtype, Dims dims, const std::vector<double>& values) {
  Tensor t = Tensor::zeros(dtype, std::move(dims));
  for (size_t i = 0; i < values.size(); ++i) t.set_f64(static_cast<int64_t>(i), values[i]);
  return t;
}

}  // namespace

TEST_CASE("serialize_npy matches np.save byte for byte") {
  struct Case {
    const char* fixture;
    Tensor tensor;
  };
  Tensor int64s = Tensor::zeros(DType::Int64, {2});
  int64s.set_i64(0, std::numeric_limits<int64_t>::min());
  int64s.set_i64(1, std::numeric_limits<int64_t>::max());
  std::vector<Case> cases{
      {"float32_2x3.npy", filled(DType::Float32, {2, 3}, {-1, -0.5, 0, 0.5, 1, 1.5})},
      {"float64_3.npy", filled(DType::Float64, {3}, {1.5, -2.25, 1e300})},
      {"int32_2x2.npy", filled(DType::Int32, {2, 2}, {1, -2, 2147483647, -2147483648.0})},
      {"int64_2.npy", int64s},
      {"bool_4.npy", filled(DType::Bool, {4}, {1, 0, 0, 1})},
      {"scalar_float64.npy", filled(DType::Float64, {}, {3.25})},
      {"empty_int32_0x3.npy", Tensor::zeros(DType::Int32, {0, 3})},
  };
  for (const Case& c : cases) {
    INFO(c.fixture);
    CHECK(serialize_npy(c.tensor) == test::read_fixture(c.fixture));
  }
}

TEST_CASE("write_npy writes the same bytes as serialize_npy") {
  Tensor t = filled(DType::Float32, {2, 3}, {-1, -0.5, 0, 0.5, 1, 1.5});
  std::string path = "lamina_test_write_npy.npy";
  write_npy(path, t);
  std::ifstream in(path, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  CHECK(test::bytes_of(s) == test::read_fixture("float32_2x3.npy"));
}
