// A bool tensor borrowed from memory holding other bytes than 0 and 1 is still
// written as 0 or 1 (any non-zero byte is true), so that the file can be read back.

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

TEST_CASE("safetensors writes every true bool as the byte 1") {
  unsigned char memory[4] = {0, 2, 255, 1};
  st::Contents c;
  c.tensors.push_back({"m", Tensor::borrow(DType::Bool, {4}, memory)});
  auto bytes = st::serialize(c);
  std::vector<std::byte> data(bytes.end() - 4, bytes.end());
  CHECK(data == test::bytes_of(std::string_view("\x00\x01\x01\x01", 4)));
  st::Contents back = st::parse(bytes, "memory");
  CHECK(back.tensors[0].tensor.get_i64(2) == 1);
}
