// The file's tensors must be the model's weights one to one: a missing weight,
// an extra tensor, a wrong shape or dtype is an error naming the weight.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;
namespace st = lamina::safetensors;

namespace {
std::string demo_file() { return serialize_model(demo_sequential()); }
void remove(st::Contents& c, const std::string& name) {
  std::erase_if(c.tensors, [&](const st::NamedTensor& t) { return t.name == name; });
}
}  // namespace

TEST_CASE("a missing weight is named") {
  std::string file = edit_contents(demo_file(), [](st::Contents& c) { remove(c, "probs/bias"); });
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
        "m.lamina: the model's weight 'probs/bias' is not in the file");
}

TEST_CASE("several missing weights are all named") {
  std::string file = edit_contents(demo_file(), [](st::Contents& c) {
    remove(c, "probs/bias");
    remove(c, "hidden/kernel");
  });
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
        "m.lamina: the model's weights 'hidden/kernel', 'probs/bias' are not in the file");
}

TEST_CASE("an extra tensor is named") {
  std::string file = edit_contents(demo_file(), [](st::Contents& c) {
    c.tensors.push_back({"stray/w", Tensor::zeros(DType::Float32, {2})});
  });
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
        "m.lamina: the file holds tensor 'stray/w' that no layer of the model has");
}

TEST_CASE("a weight of the wrong shape is named with both shapes") {
  std::string file = edit_contents(demo_file(), [](st::Contents& c) {
    for (auto& t : c.tensors)
      if (t.name == "hidden/kernel") t.tensor = Tensor::zeros(DType::Float32, {8, 4});
  });
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
        "m.lamina: weight 'hidden/kernel' is float32 (8, 4) in the file, but the model's layer makes it float32 (4, 8)");
}

TEST_CASE("a weight of the wrong dtype is named with both dtypes") {
  std::string file = edit_contents(demo_file(), [](st::Contents& c) {
    for (auto& t : c.tensors)
      if (t.name == "probs/bias") t.tensor = Tensor::zeros(DType::Float64, {3});
  });
  CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
        "m.lamina: weight 'probs/bias' is float64 (3) in the file, but the model's layer makes it float32 (3)");
}
