// Cutting a valid file anywhere, or corrupting any one of its bytes, gives either
// its contents or a lamina::Error — never a crash (run under LAMINA_SANITIZE to
// see undefined behaviour), and never tensors larger than the file.

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

std::vector<std::byte> valid_file() {
  st::Contents c;
  c.metadata = {{"lamina_format", "1.0"}};
  c.tensors = {{"w", test::tensor_of(DType::Float32, {2, 2}, {1, 2, 3, 4})},
               {"m", test::tensor_of(DType::Bool, {2}, {1, 0})},
               {"n", Tensor::zeros(DType::Int64, {0})}};
  return st::serialize(c);
}

/// Parses `bytes`; true if it gave contents (no bigger than the file), false if it threw lamina::Error.
bool parses(const std::vector<std::byte>& bytes) {
  try {
    st::Contents c = st::parse(bytes, "fuzz.safetensors");
    size_t total = 0;
    for (const auto& t : c.tensors) total += t.tensor.nbytes();
    CHECK(total <= bytes.size());
    return true;
  } catch (const Error& e) {
    CHECK(e.kind() != ErrorKind::Internal);
    return false;
  }
}

}  // namespace

TEST_CASE("safetensors parse survives every truncation of a valid file") {
  auto file = valid_file();
  int accepted = 0;
  for (size_t n = 0; n <= file.size(); ++n)
    accepted += parses(std::vector<std::byte>(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(n)));
  CHECK(accepted == 1);  // only the whole file
}

TEST_CASE("safetensors parse survives every single-byte corruption of a valid file") {
  auto file = valid_file();
  const size_t float_data = file.size() - 16 - 2;  // 16 bytes of float32, then 2 of bool
  for (size_t i = 0; i < file.size(); ++i) {
    for (int value : {0x00, 0x01, 0x02, 0x20, 0x22, 0x2c, 0x30, 0x39, 0x5b, 0x5d, 0x7b, 0x7d, 0x80, 0xff}) {
      if (static_cast<int>(file[i]) == value) continue;
      auto bad = file;
      bad[i] = static_cast<std::byte>(value);
      INFO("byte " << i << " = " << value);
      bool ok = parses(bad);                                // must return, whatever the answer
      if (i < 8) CHECK_FALSE(ok);                           // a wrong header length never fits
      if (i >= float_data && i < float_data + 16) CHECK(ok);  // any bytes are float32 values
    }
  }
}
