// Corrupting any byte of a valid file, or cutting it anywhere, gives either an
// array or a lamina::Error — never a crash (run under LAMINA_SANITIZE to see UB).

#include "npy_test_util.h"

using namespace lamina;

namespace {

/// Parses `bytes`; true if it gave a tensor, false if it threw lamina::Error.
bool parses(const std::vector<std::byte>& bytes) {
  try {
    Tensor t = parse_npy(bytes, "fuzz.npy");
    return t.nbytes() <= bytes.size();
  } catch (const Error&) {
    return false;
  }
}

}  // namespace

TEST_CASE("parse_npy survives every truncation of a valid file") {
  auto file = test::read_fixture("int32_2x2.npy");
  int accepted = 0;
  for (size_t n = 0; n <= file.size(); ++n) {
    std::vector<std::byte> cut(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(n));
    accepted += parses(cut);
  }
  CHECK(accepted == 1);  // only the whole file
}

TEST_CASE("parse_npy survives every single-byte corruption of a valid file") {
  auto file = test::read_fixture("float32_2x3.npy");  // 128 header bytes, then 24 data bytes
  const size_t data_start = file.size() - 24;
  for (size_t i = 0; i < file.size(); ++i) {
    for (int value : {0x00, 0x20, 0x27, 0x28, 0x29, 0x2c, 0x7b, 0x7d, 0x80, 0xff}) {
      if (static_cast<int>(file[i]) == value) continue;
      auto bad = file;
      bad[i] = static_cast<std::byte>(value);
      INFO("byte " << i << " = " << value);
      bool ok = parses(bad);            // must return, whatever the answer
      if (i < 6) CHECK_FALSE(ok);       // a broken magic string is never a .npy file
      if (i >= data_start) CHECK(ok);   // any data bytes are valid float32 values
    }
  }
}
