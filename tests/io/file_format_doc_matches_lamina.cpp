// docs/file-format.md says what Lamina does: its example header is the header
// Lamina writes, and its Python reader (json + NumPy only), run exactly as the
// page prints it by /usr/bin/python3, reads a file Lamina wrote — every dtype,
// a scalar, an empty tensor, the metadata — and refuses a newer major version.
// The Python half is skipped, with a warning, where python3 lacks NumPy.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>

#include "safetensors_test_util.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

const char* const kPage = LAMINA_TEST_DATA_DIR "/../docs/file-format.md";

/// The body of the first ````fence` block after the heading `section`.
std::string code_block(const std::string& section, const std::string& fence) {
  std::string page = test::read_text(kPage);
  size_t heading = page.find("\n## " + section + "\n");
  REQUIRE(heading != std::string::npos);
  std::string open = "\n```" + fence + "\n";
  size_t start = page.find(open, heading);
  REQUIRE(start != std::string::npos);
  start += open.size();
  size_t end = page.find("\n```", start);
  REQUIRE(end != std::string::npos);
  return page.substr(start, end - start + 1);
}

std::string hex(const void* p, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += fmt::format("{:02x}", static_cast<const unsigned char*>(p)[i]);
  return out;
}

/// What the driver below prints for a tensor: name, NumPy dtype, shape, bytes in hex.
std::string described(const std::string& name, const Tensor& t) {
  static const std::map<DType, std::string> numpy = {{DType::Float32, "<f4"}, {DType::Float64, "<f8"},
                                                     {DType::Int32, "<i4"},   {DType::Int64, "<i8"},
                                                     {DType::Bool, "|b1"}};
  return fmt::format("{} {} [{}] {}\n", name, numpy.at(t.dtype()), fmt::join(t.dims(), ", "), hex(t.raw(), t.nbytes()));
}

const char* const kDriver = R"(
import sys

try:
    tensors, metadata = read_lamina_file(sys.argv[1])
except ValueError as e:
    print("ValueError:", e)
else:
    for name, array in tensors.items():
        print(name, array.dtype.str, list(array.shape), array.tobytes().hex())
    print(json.dumps(metadata, sort_keys=True))
)";

bool python_has_numpy() { return std::system("/usr/bin/python3 -c 'import numpy' > /dev/null 2>&1") == 0; }

/// Runs the page's reader and the driver on `file`; returns what it prints.
std::string run_reader(const std::string& file) {
  const std::string script = file + ".py";  // one per test: ctest runs tests in parallel
  {
    std::ofstream out(script);
    out << code_block("Reading a file in Python", "python") << kDriver;
  }
  std::string output;
  FILE* p = popen(("/usr/bin/python3 " + script + " " + file + " 2>&1").c_str(), "r");
  REQUIRE(p);
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, p)) output.append(buffer, n);
  CHECK(pclose(p) == 0);
  std::remove(script.c_str());
  return output;
}

}  // namespace

TEST_CASE("the example header in docs/file-format.md is what Lamina writes") {
  st::Contents c;
  c.metadata["lamina_format"] = "1.0";
  c.tensors = {{"dense/kernel", Tensor::zeros(DType::Float32, {2, 3})}, {"dense/bias", Tensor::zeros(DType::Float32, {3})}};
  auto bytes = st::serialize(c);
  CHECK(bytes.size() == 220);
  std::string header(reinterpret_cast<const char*>(bytes.data()) + 8, 176);
  CHECK(header == code_block("How Lamina writes a file", "json").substr(0, 171) + std::string(5, ' '));
  CHECK(code_block("How Lamina writes a file", "json").size() == 172);  // 171 bytes and the newline
}

TEST_CASE("the Python reader in docs/file-format.md reads a file Lamina wrote") {
  if (!python_has_numpy()) {
    WARN("skipped: /usr/bin/python3 with NumPy is needed to run the reader of docs/file-format.md");
    return;
  }
  Tensor i64 = Tensor::zeros(DType::Int64, {2});
  i64.set_i64(0, INT64_MIN);
  i64.set_i64(1, 5);
  st::Contents c;
  c.metadata = {{"lamina_format", "1.0"}, {"config", "{\"layers\": []}"}};
  c.tensors = {
      {"dense/kernel", test::tensor_of(DType::Float32, {2, 3}, {-1, -0.5, 0, 0.5, 1, 1.5})},
      {"f64", Tensor::scalar(DType::Float64, 1e300)},
      {"i32", test::tensor_of(DType::Int32, {1, 2}, {-7, 2147483647})},
      {"i64", i64},
      {"mask", test::tensor_of(DType::Bool, {3}, {1, 0, 1})},
      {"empty", Tensor::zeros(DType::Float32, {0, 3})},
  };
  const std::string file = "lamina_test_doc_reader.safetensors";
  st::write(file, c);
  std::string expected;
  for (const auto& t : c.tensors) expected += described(t.name, t.tensor);
  expected += "{\"config\": \"{\\\"layers\\\": []}\", \"lamina_format\": \"1.0\"}\n";
  CHECK(run_reader(file) == expected);
  std::remove(file.c_str());
}

TEST_CASE("the Python reader in docs/file-format.md refuses a newer major version") {
  if (!python_has_numpy()) {
    WARN("skipped: /usr/bin/python3 with NumPy is needed to run the reader of docs/file-format.md");
    return;
  }
  st::Contents c;
  c.metadata = {{"lamina_format", "2.0"}};
  const std::string file = "lamina_test_doc_reader_newer.safetensors";
  st::write(file, c);
  CHECK(run_reader(file) == "ValueError: " + file + ": written by a newer Lamina (format 2.0)\n");
  std::remove(file.c_str());
}
