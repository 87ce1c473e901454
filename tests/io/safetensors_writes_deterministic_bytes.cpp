// Writing is deterministic and follows docs/file-format.md: compact JSON with
// __metadata__ first and its keys in byte order, tensors in the given order,
// data in the same order without gaps, spaces padding the header to 8 bytes.

#include <cstdio>

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

/// The header padded with spaces as the format says: 8 + its length is a multiple of 8.
std::string padded(std::string header) {
  while ((8 + header.size()) % 8 != 0) header += ' ';
  return header;
}

std::string little_endian(const void* p, size_t n) { return std::string(static_cast<const char*>(p), n); }

}  // namespace

TEST_CASE("safetensors writes the documented header, byte for byte") {
  st::Contents c;
  c.metadata["b"] = "2";
  c.metadata["a"] = "x\"y";
  c.tensors.push_back({"w", test::tensor_of(DType::Float32, {2}, {1, 2})});
  c.tensors.push_back({"k", Tensor::scalar(DType::Int64, 7)});
  std::string header = padded(
      R"({"__metadata__":{"a":"x\"y","b":"2"},)"
      R"("w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
      R"("k":{"dtype":"I64","shape":[],"data_offsets":[8,16]}})");
  float w[2] = {1, 2};
  int64_t k = 7;
  auto expected = test::safetensors_file(header, little_endian(w, 8) + little_endian(&k, 8));
  CHECK(st::serialize(c) == expected);
}

TEST_CASE("safetensors leaves __metadata__ out when there is none") {
  st::Contents c;
  c.tensors.push_back({"b", Tensor::scalar(DType::Bool, 1)});
  auto expected = test::safetensors_file(padded(R"({"b":{"dtype":"BOOL","shape":[],"data_offsets":[0,1]}})"), "\x01");
  CHECK(st::serialize(c) == expected);
}

TEST_CASE("safetensors writes the same bytes for the same contents") {
  auto make = [] {
    st::Contents c;
    c.metadata = {{"lamina_format", "1.0"}, {"config", "{}"}};
    c.tensors = {{"k", test::tensor_of(DType::Float64, {2, 2}, {1, 2, 3, 4})}, {"b", Tensor::zeros(DType::Int32, {3})}};
    return c;
  };
  auto first = st::serialize(make());
  CHECK(st::serialize(make()) == first);
  CHECK(st::serialize(st::parse(first, "memory")) == first);  // reading and saving again changes nothing
  const std::string path = "lamina_test_deterministic.safetensors";
  st::write(path, make());
  CHECK(test::read_bytes(path) == first);
  std::remove(path.c_str());
}

TEST_CASE("safetensors starts the data area at a multiple of 8 bytes") {
  for (size_t name_length = 0; name_length < 16; ++name_length) {
    st::Contents c;
    c.tensors.push_back({std::string(name_length, 'n'), Tensor::scalar(DType::Float64, 1.5)});
    auto bytes = st::serialize(c);
    INFO("name of " << name_length << " bytes");
    std::string header(reinterpret_cast<const char*>(bytes.data()) + 8, bytes.size() - 16);  // 8 data bytes end it
    CHECK((8 + header.size()) % 8 == 0);
    size_t close = header.rfind('}');
    CHECK(header.size() - close - 1 < 8);  // at most 7 spaces of padding
    CHECK(header.find_first_not_of(' ', close + 1) == std::string::npos);
  }
}

TEST_CASE("safetensors writes what the corpus script's independent writer writes") {
  // tests/data/make_safetensors_corpus.py implements the documented rule in Python.
  Tensor i64 = Tensor::zeros(DType::Int64, {1, 2});
  i64.set_i64(0, INT64_MIN);
  i64.set_i64(1, INT64_MAX);
  st::Contents c;
  c.metadata = {{"lamina_format", "1.0"}, {"note", "every dtype"}};
  c.tensors = {
      {"f32", test::tensor_of(DType::Float32, {2, 3}, {-1, -0.5, 0, 0.5, 1, 1.5})},
      {"f64", Tensor::scalar(DType::Float64, 3.25)},
      {"i32", test::tensor_of(DType::Int32, {2}, {-2147483648.0, 2147483647})},
      {"i64", i64},
      {"mask", test::tensor_of(DType::Bool, {4}, {1, 0, 0, 1})},
      {"empty", Tensor::zeros(DType::Float32, {0, 3})},
  };
  CHECK(st::serialize(c) == test::read_bytes(test::corpus_path("valid_safetensors", "lamina_every_dtype.safetensors")));
}
