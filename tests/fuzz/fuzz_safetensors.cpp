// Fuzzes the safetensors reader (src/io/safetensors.h): any byte string is parsed
// as a file and must give its contents or raise lamina::Error. Contents it reads
// must hold no more tensor bytes than the input, must be written back without
// error, read back identical, and written again as the same bytes (the writer's
// output is canonical). The "lamina_format" check then runs on the metadata.
//
// A mutated header rarely keeps the 8-byte header length right, so each input is
// also tried a second way: with the length rewritten to end the header at the
// input's last '}' (the rest is the data area), which lets the fuzzer explore the
// JSON freely. See tests/fuzz/README.md for how to build and run it.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <span>
#include <string>
#include <vector>

#include "io/format_version.h"
#include "io/safetensors.h"
#include "lamina/error.h"

using namespace lamina;
namespace st = lamina::safetensors;

namespace {

[[noreturn]] void finding(const std::string& what) {
  std::fprintf(stderr, "FINDING: %s\n", what.c_str());
  std::abort();
}

bool identical(const st::Contents& a, const st::Contents& b) {
  if (a.metadata != b.metadata || a.tensors.size() != b.tensors.size()) return false;
  for (size_t i = 0; i < a.tensors.size(); ++i) {
    const Tensor& x = a.tensors[i].tensor;
    const Tensor& y = b.tensors[i].tensor;
    if (a.tensors[i].name != b.tensors[i].name || x.dtype() != y.dtype() || x.dims() != y.dims() ||
        std::memcmp(x.raw(), y.raw(), x.nbytes()) != 0)
      return false;
  }
  return true;
}

/// Runs `f`; a lamina::Error is the expected refusal unless it claims to be a bug in Lamina.
/// Returns whether `f` succeeded.
template <class F>
bool refused_cleanly_or_ran(const char* stage, F&& f) {
  try {
    f();
    return true;
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Internal) finding(std::string(stage) + ": internal error: " + e.what());
    return false;
  } catch (const std::exception& e) {
    finding(std::string(stage) + ": an exception that is not a lamina::Error: " + e.what());
  }
}

void check_file(std::span<const std::byte> bytes) {
  st::Contents contents;
  if (!refused_cleanly_or_ran("parse", [&] { contents = st::parse(bytes, "fuzz"); })) return;

  size_t total = 0;
  for (const auto& t : contents.tensors) total += t.tensor.nbytes();
  if (total > bytes.size()) finding("the tensors read hold more bytes than the file");

  std::vector<std::byte> written;
  if (!refused_cleanly_or_ran("serialize", [&] { written = st::serialize(contents); }))
    finding("contents that were read could not be written back");
  st::Contents again;
  if (!refused_cleanly_or_ran("parse written", [&] { again = st::parse(written, "fuzz"); }))
    finding("a file Lamina wrote could not be read back");
  if (!identical(contents, again)) finding("the contents changed on being written and read back");
  if (st::serialize(again) != written) finding("writing the same contents twice gave different bytes");

  refused_cleanly_or_ran("check_format_version", [&] { check_format_version(contents.metadata, "fuzz"); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
  check_file(bytes);

  // The same input with the header length set to end the header at its last '}'.
  size_t header_end = size;
  while (header_end > 8 && data[header_end - 1] != '}') --header_end;
  if (header_end <= 8) return 0;
  std::vector<std::byte> fixed(bytes.begin(), bytes.end());
  for (size_t i = 0; i < 8; ++i) fixed[i] = static_cast<std::byte>(((header_end - 8) >> (8 * i)) & 0xff);
  if (std::memcmp(fixed.data(), data, 8) != 0) check_file(fixed);
  return 0;
}
