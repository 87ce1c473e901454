// Every file of tests/data/hostile_safetensors/ is refused with exactly the
// message that expected_errors.txt gives it, by parse() and by read(). Files
// whose container is sound are refused by the format version check, as a model
// loader would. The corpus and its messages come from
// tests/data/make_safetensors_corpus.py.

#include <filesystem>
#include <functional>
#include <fstream>
#include <map>

#include "io/format_version.h"
#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

const std::string kFolder = "hostile_safetensors";

/// File name -> the message after "name: ".
std::map<std::string, std::string> expected_errors() {
  std::ifstream in(test::corpus_path(kFolder, "expected_errors.txt"));
  REQUIRE(in);
  std::map<std::string, std::string> out;
  for (std::string line; std::getline(in, line);) {
    size_t colon = line.find(": ");
    REQUIRE(colon != std::string::npos);
    out[line.substr(0, colon)] = line.substr(colon + 2);
  }
  return out;
}

/// Loads the way a model loader does: the container, then the format version.
void load(const std::function<st::Contents()>& read_contents, const std::string& name) {
  st::Contents c = read_contents();
  check_format_version(c.metadata, name);
}

ErrorKind kind_of(const std::string& message) {
  return message.find("(Limits::") != std::string::npos ? ErrorKind::Limit : ErrorKind::File;
}

}  // namespace

TEST_CASE("every hostile safetensors file has an expected error and every error a file") {
  auto expected = expected_errors();
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::corpus_path(kFolder, ""))) {
    std::string name = entry.path().filename().string();
    if (name == "expected_errors.txt") continue;
    ++files;
    INFO(name);
    CHECK(expected.count(name) == 1);
  }
  CHECK(files == expected.size());
  CHECK(files >= 60);
}

TEST_CASE("parse refuses every hostile safetensors file with its expected message") {
  for (const auto& [name, message] : expected_errors()) {
    auto bytes = test::read_bytes(test::corpus_path(kFolder, name));
    Error e = test::error_from([&] { load([&] { return st::parse(bytes, name); }, name); });
    INFO(name);
    CHECK(e.message() == name + ": " + message);
    CHECK(e.kind() == kind_of(message));
  }
}

TEST_CASE("read refuses every hostile safetensors file with the message naming its path") {
  for (const auto& [name, message] : expected_errors()) {
    std::string path = test::corpus_path(kFolder, name);
    Error e = test::error_from([&] { load([&] { return st::read(path); }, path); });
    INFO(name);
    CHECK(e.message() == path + ": " + message);
  }
}
