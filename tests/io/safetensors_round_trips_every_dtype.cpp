// Tensors of every Lamina dtype, scalars and empty tensors come back from a
// safetensors file exactly: the same names in the same order, dtypes, shapes,
// bytes, and the same metadata.

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

st::Contents every_dtype() {
  Tensor i64 = Tensor::zeros(DType::Int64, {2});
  i64.set_i64(0, std::numeric_limits<int64_t>::min());
  i64.set_i64(1, std::numeric_limits<int64_t>::max());
  st::Contents c;
  c.tensors = {
      {"dense/kernel", test::tensor_of(DType::Float32, {2, 3}, {-1, -0.5, 0, 0.5, 1, 1.5})},
      {"f64", test::tensor_of(DType::Float64, {3}, {1.5, -2.25, 1e300})},
      {"i32", test::tensor_of(DType::Int32, {2, 2}, {1, -2, 2147483647, -2147483648.0})},
      {"i64", i64},
      {"mask", test::tensor_of(DType::Bool, {4}, {1, 0, 0, 1})},
  };
  c.metadata = {{"lamina_format", "1.0"}, {"note", "caf\u00e9 \"quoted\"\n"}, {"", "empty key"}};
  return c;
}

}  // namespace

TEST_CASE("safetensors round trips a tensor of every dtype through bytes") {
  st::Contents c = every_dtype();
  st::Contents back = st::parse(st::serialize(c), "memory");
  CHECK(test::identical(back, c));
  REQUIRE(back.find("i64"));
  CHECK(back.find("i64")->get_i64(1) == std::numeric_limits<int64_t>::max());
  CHECK(back.find("nope") == nullptr);
}

TEST_CASE("safetensors round trips through a file on disk") {
  st::Contents c = every_dtype();
  const std::string path = "lamina_test_round_trip.safetensors";
  st::write(path, c);
  st::Contents back = st::read(path);
  auto on_disk = test::read_bytes(path);
  std::remove(path.c_str());
  CHECK(test::identical(back, c));
  CHECK(on_disk == st::serialize(c));
}

TEST_CASE("safetensors keeps the bits of NaN, infinities and negative zero") {
  Tensor f = test::tensor_of(DType::Float32, {4}, {0, 0, 0, 0});
  f.data<float>()[0] = std::numeric_limits<float>::quiet_NaN();
  f.data<float>()[1] = std::numeric_limits<float>::infinity();
  f.data<float>()[2] = -std::numeric_limits<float>::infinity();
  f.data<float>()[3] = -0.0f;
  Tensor d = test::tensor_of(DType::Float64, {2}, {0, 0});
  d.data<double>()[0] = -std::numeric_limits<double>::quiet_NaN();
  d.data<double>()[1] = std::numeric_limits<double>::denorm_min();
  st::Contents c;
  c.tensors = {{"f", f}, {"d", d}};
  CHECK(test::identical(st::parse(st::serialize(c), "memory"), c));
}

TEST_CASE("safetensors round trips scalars and empty tensors of every dtype") {
  st::Contents c;
  for (DType dtype : {DType::Bool, DType::Int32, DType::Int64, DType::Float32, DType::Float64}) {
    std::string name(dtype_name(dtype));
    c.tensors.push_back({name + "/scalar", Tensor::scalar(dtype, 1)});
    c.tensors.push_back({name + "/empty", Tensor::zeros(dtype, {0})});
    c.tensors.push_back({name + "/empty_rows", Tensor::zeros(dtype, {0, 3})});
    c.tensors.push_back({name + "/empty_middle", Tensor::zeros(dtype, {3, 0, 2})});
  }
  st::Contents back = st::parse(st::serialize(c), "memory");
  CHECK(test::identical(back, c));
  CHECK(back.tensors[0].tensor.rank() == 0);
  CHECK(back.tensors[3].tensor.dims() == Dims{3, 0, 2});
}

TEST_CASE("safetensors round trips a file with no tensors and no metadata") {
  st::Contents back = st::parse(st::serialize({}), "memory");
  CHECK(back.tensors.empty());
  CHECK(back.metadata.empty());
}

TEST_CASE("safetensors keeps the order tensors were given in, not name order") {
  st::Contents c;
  for (const char* name : {"z", "a", "m", "b/0", "b"}) c.tensors.push_back({name, Tensor::scalar(DType::Int32, 1)});
  st::Contents back = st::parse(st::serialize(c), "memory");
  REQUIRE(back.tensors.size() == 5);
  CHECK(back.tensors[0].name == "z");
  CHECK(back.tensors[2].name == "m");
  CHECK(back.tensors[4].name == "b");
}

TEST_CASE("safetensors gives every tensor read its own 64-byte-aligned copy") {
  st::Contents c;
  c.tensors = {{"a", test::tensor_of(DType::Float32, {1}, {1})}, {"b", test::tensor_of(DType::Float64, {2}, {2, 3})}};
  auto bytes = st::serialize(c);
  st::Contents back = st::parse(bytes, "memory");
  std::fill(bytes.begin(), bytes.end(), std::byte{0xff});  // the tensors do not refer to the bytes
  CHECK(test::identical(back, c));
  for (const auto& t : back.tensors) CHECK(reinterpret_cast<uintptr_t>(t.tensor.raw()) % 64 == 0);
}
