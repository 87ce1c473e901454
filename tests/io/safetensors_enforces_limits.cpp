// Each of safetensors::Limits refuses a file just over it (kind Limit, naming the
// limit) and accepts one at it, when reading and when writing.

#include <fmt/format.h>

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

st::Contents one_tensor(std::string name, Tensor t, std::map<std::string, std::string> metadata = {}) {
  st::Contents c;
  c.tensors.push_back({std::move(name), std::move(t)});
  c.metadata = std::move(metadata);
  return c;
}

/// `c` is accepted under `at` and refused under `over` with `message`, both by
/// parse() of the bytes written without limits and by serialize().
void check_limit(const st::Contents& c, const st::Limits& at, const st::Limits& over, const std::string& message) {
  auto bytes = st::serialize(c);
  CHECK_NOTHROW(st::parse(bytes, "f", at));
  CHECK_NOTHROW(st::serialize(c, at));
  Error read_error = test::error_from([&] { st::parse(bytes, "f", over); });
  CHECK(read_error.kind() == ErrorKind::Limit);
  CHECK(read_error.message() == "f: " + message);
  Error write_error = test::error_from([&] { st::serialize(c, over); });
  CHECK(write_error.kind() == ErrorKind::Limit);
  CHECK(write_error.message() == "cannot save: " + message);
}

}  // namespace

TEST_CASE("safetensors enforces max_header_bytes") {
  st::Contents c = one_tensor("x", Tensor::scalar(DType::Int32, 1));
  const size_t header = st::serialize(c).size() - 8 - 4;  // the header Lamina writes for it
  st::Limits at, over;
  at.max_header_bytes = header;
  over.max_header_bytes = header - 1;
  check_limit(c, at, over,
              fmt::format("the header is {} bytes long, over the limit of {} (Limits::max_header_bytes)", header,
                          header - 1));
}

TEST_CASE("safetensors enforces max_tensors") {
  st::Contents c;
  for (int i = 0; i < 3; ++i) c.tensors.push_back({std::to_string(i), Tensor::scalar(DType::Bool, 0)});
  st::Limits at, over;
  at.max_tensors = 3;
  over.max_tensors = 2;
  check_limit(c, at, over, "the file holds more than 2 tensors (Limits::max_tensors)");
}

TEST_CASE("safetensors enforces max_rank") {
  st::Contents c = one_tensor("r", Tensor::zeros(DType::Float32, Dims(5, 1)));
  st::Limits at, over;
  at.max_rank = 5;
  over.max_rank = 4;
  check_limit(c, at, over, "tensor 'r': the shape has more than 4 dimensions (Limits::max_rank)");
}

TEST_CASE("safetensors enforces max_dim") {
  st::Contents c = one_tensor("d", Tensor::zeros(DType::Int64, {2, 7}));
  st::Limits at, over;
  at.max_dim = 7;
  over.max_dim = 6;
  check_limit(c, at, over, "tensor 'd': dimension 1 of the shape is 7, over the limit of 6 (Limits::max_dim)");
}

TEST_CASE("safetensors treats a max_dim above 2^63 - 1 as 2^63 - 1") {
  st::Limits huge;
  huge.max_dim = UINT64_MAX;
  auto bytes = test::safetensors_file(R"({"a":{"shape":[9223372036854775808]}})");
  Error e = test::error_from([&] { st::parse(bytes, "f", huge); });
  CHECK(e.message() ==
        "f: tensor 'a': dimension 0 of the shape is 9223372036854775808, over the limit of 9223372036854775807 "
        "(Limits::max_dim)");
}

TEST_CASE("safetensors enforces max_elements") {
  st::Contents c = one_tensor("e", Tensor::zeros(DType::Float64, {3, 4}));
  st::Limits at, over;
  at.max_elements = 12;
  over.max_elements = 11;
  check_limit(c, at, over, "tensor 'e': shape (3, 4) has 12 elements, over the limit of 11 (Limits::max_elements)");
}

TEST_CASE("safetensors enforces max_data_bytes on the whole data area") {
  st::Contents c = one_tensor("a", Tensor::zeros(DType::Float32, {3}));
  c.tensors.push_back({"b", Tensor::zeros(DType::Float32, {2})});
  st::Limits at, over;
  at.max_data_bytes = 20;
  over.max_data_bytes = 19;
  check_limit(c, at, over, "the data area holds 20 bytes, over the limit of 19 (Limits::max_data_bytes)");
}

TEST_CASE("safetensors enforces max_name_bytes on tensor names and metadata keys") {
  st::Limits at, over;
  at.max_name_bytes = 5;
  over.max_name_bytes = 4;
  check_limit(one_tensor("kerne", Tensor::scalar(DType::Int32, 0)), at, over,
              "tensor name 'kerne' is 5 bytes long, over the limit of 4 (Limits::max_name_bytes)");
  check_limit(one_tensor("k", Tensor::scalar(DType::Int32, 0), {{"notes", ""}}), at, over,
              "__metadata__ key 'notes' is 5 bytes long, over the limit of 4 (Limits::max_name_bytes)");
}

TEST_CASE("safetensors enforces max_metadata_value_bytes") {
  st::Contents c = one_tensor("k", Tensor::scalar(DType::Int32, 0), {{"config", std::string(100, '{')}});
  st::Limits at, over;
  at.max_metadata_value_bytes = 100;
  over.max_metadata_value_bytes = 99;
  check_limit(c, at, over,
              "__metadata__ 'config': the value is 100 bytes long, over the limit of 99 "
              "(Limits::max_metadata_value_bytes)");
}

TEST_CASE("safetensors checks a header's length against its limit before reading it") {
  // Its 17 bytes are spaces, which parsing would refuse differently: the length alone refuses it.
  st::Limits limits;
  limits.max_header_bytes = 16;
  std::string file = std::string("\x11\0\0\0\0\0\0\0", 8) + std::string(17, ' ');
  Error e = test::error_from([&] { st::parse(test::bytes_of(file), "f", limits); });
  CHECK(e.message() == "f: the header is 17 bytes long, over the limit of 16 (Limits::max_header_bytes)");
}
