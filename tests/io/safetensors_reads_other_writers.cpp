// Files written by other programs follow the safetensors spec with other habits:
// spaced JSON, __metadata__ anywhere, a header order that is not the data order,
// escaped names, unknown metadata keys, no padding. tests/data/valid_safetensors/
// holds such files (tests/data/make_safetensors_corpus.py); their contents are
// stated here by hand.

#include "io/format_version.h"
#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

TEST_CASE("safetensors reads another writer's layout in header order") {
  st::Contents c = st::read(test::corpus_path("valid_safetensors", "other_writer.safetensors"));
  REQUIRE(c.tensors.size() == 3);
  CHECK(c.tensors[0].name == "b");
  CHECK(test::identical(c.tensors[0].tensor, test::tensor_of(DType::Int64, {2}, {7, -7})));
  CHECK(c.tensors[1].name == "caf\u00e9");
  CHECK(test::identical(c.tensors[1].tensor, Tensor::scalar(DType::Float32, 2.5)));
  CHECK(c.tensors[2].name == "nothing");
  CHECK(test::identical(c.tensors[2].tensor, Tensor::zeros(DType::Float64, {3, 0})));
  CHECK(c.metadata == std::map<std::string, std::string>{{"format", "pt"}, {"lamina_format", "1.7"}});
}

TEST_CASE("safetensors reads a file of a newer minor format version, keeping unknown keys") {
  st::Contents c = st::read(test::corpus_path("valid_safetensors", "other_writer.safetensors"));
  FormatVersion v = check_format_version(c.metadata, "other_writer.safetensors");
  CHECK(v.major == 1);
  CHECK(v.minor == 7);
  CHECK(c.metadata.at("format") == "pt");
}

TEST_CASE("safetensors reads a file with no tensors") {
  st::Contents c = st::read(test::corpus_path("valid_safetensors", "no_tensors.safetensors"));
  CHECK(c.tensors.empty());
  CHECK(c.metadata.empty());
}
