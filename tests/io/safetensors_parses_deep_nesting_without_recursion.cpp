// A header nesting a million lists or objects is refused at the first value out
// of place, without recursion: the JSON parser keeps its nesting on the heap and
// the reader refuses anything deeper than the header's three levels.

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

std::string refusal(const std::string& header) {
  return test::error_from([&] { st::parse(test::safetensors_file(header), "deep"); }).message();
}

const std::string kMillion(1'000'000, '[');

}  // namespace

TEST_CASE("safetensors refuses a million nested lists where a tensor entry belongs") {
  CHECK(refusal(R"({"a":)" + kMillion) ==
        "deep: tensor 'a': expected an object with dtype, shape and data_offsets, found a list");
}

TEST_CASE("safetensors refuses a million nested lists in a shape or data_offsets") {
  CHECK(refusal(R"({"a":{"shape":)" + kMillion) == "deep: tensor 'a': shape must be a list of non-negative integers, found a list");
  CHECK(refusal(R"({"a":{"data_offsets":)" + kMillion) ==
        "deep: tensor 'a': data_offsets must be a list [begin, end] of two non-negative integers, found a list");
}

TEST_CASE("safetensors refuses a million nested objects in the metadata") {
  CHECK(refusal(R"({"__metadata__":{"k":)" + std::string(1'000'000, '{')) ==
        "deep: __metadata__ 'k': metadata values must be strings, found an object");
}

TEST_CASE("safetensors refuses a million brackets after the opening brace as invalid JSON") {
  CHECK(refusal("{" + kMillion) ==
        "deep: the header is not valid JSON: syntax error while parsing object key - unexpected '['; "
        "expected string literal (near byte 2 of the header)");
}
