// Reading and writing files on disk: what cannot be opened, a directory, a file
// cut short.

#include <cstdio>
#include <filesystem>

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

TEST_CASE("safetensors read names a missing file") {
  Error e = test::error_from([] { st::read("no_such_file.safetensors"); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "no_such_file.safetensors: cannot open: No such file or directory");
}

TEST_CASE("safetensors read refuses a directory") {
  Error e = test::error_from([] { st::read("."); });
  CHECK(e.message() == ".: cannot read: it is a directory");
}

TEST_CASE("safetensors read reports a file cut inside its data") {
  st::Contents c;
  c.tensors.push_back({"w", test::tensor_of(DType::Float32, {3}, {1, 2, 3})});
  auto bytes = st::serialize(c);
  const std::string path = "lamina_test_cut.safetensors";
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size() - 1));
  }
  Error e = test::error_from([&] { st::read(path); });
  std::remove(path.c_str());
  CHECK(e.message() == path + ": tensor 'w': data_offsets [0, 12) reach past the end of the data area, which holds 11 bytes");
  CHECK(e.hint() == "the file may be truncated");
}

TEST_CASE("safetensors write names a path it cannot open") {
  Error e = test::error_from([] { st::write("no_such_dir/m.safetensors", {}); });
  CHECK(e.message() == "no_such_dir/m.safetensors: cannot open for writing: No such file or directory");
}
