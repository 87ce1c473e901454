// write() and serialize() refuse what could not be read back, naming the tensor
// or key, and write nothing to disk when they refuse.

#include <filesystem>

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

st::Contents with_tensors(std::initializer_list<std::string> names) {
  st::Contents c;
  for (const std::string& name : names) c.tensors.push_back({name, Tensor::scalar(DType::Float32, 1)});
  return c;
}

}  // namespace

TEST_CASE("safetensors refuses to write two tensors of one name") {
  Error e = test::error_from([&] { st::serialize(with_tensors({"w", "b", "w"})); });
  CHECK(e.kind() == ErrorKind::File);
  CHECK(e.message() == "cannot save: two tensors are named 'w'");
}

TEST_CASE("safetensors refuses to write a tensor named __metadata__") {
  Error e = test::error_from([&] { st::serialize(with_tensors({"__metadata__"})); });
  CHECK(e.kind() == ErrorKind::Value);
  CHECK(e.message() == "cannot save: a tensor cannot be named '__metadata__'");
  CHECK(e.hint() == "the name is reserved for the file's metadata; rename the tensor");
}

TEST_CASE("safetensors refuses to write names and metadata that are not UTF-8") {
  Error name = test::error_from([&] { st::serialize(with_tensors({"caf\xe9"})); });
  CHECK(name.kind() == ErrorKind::Value);
  CHECK(name.message() == "cannot save: tensor name 'caf\xe9' is not valid UTF-8");
  st::Contents c;
  c.metadata["k\xff"] = "v";
  CHECK(test::error_from([&] { st::serialize(c); }).message() ==
        "cannot save: __metadata__ key 'k\xff' is not valid UTF-8");
  c.metadata = {{"k", "\xc3("}};
  CHECK(test::error_from([&] { st::serialize(c); }).message() ==
        "cannot save: the __metadata__ value of 'k' is not valid UTF-8");
}

TEST_CASE("safetensors writes no file when it refuses the contents") {
  const std::string path = "lamina_test_refused.safetensors";
  std::filesystem::remove(path);
  Error e = test::error_from([&] { st::write(path, with_tensors({"x", "x"})); });
  CHECK(e.message() == "cannot save " + path + ": two tensors are named 'x'");
  CHECK_FALSE(std::filesystem::exists(path));
}
