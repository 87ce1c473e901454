#pragma once
// Helpers shared by the safetensors tests: the corpus, hand-built files, tensors.

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "io/safetensors.h"
#include "io_test_util.h"

namespace lamina::test {

/// A file of tests/data/<folder>/ (the corpus written by tests/data/make_safetensors_corpus.py).
inline std::string corpus_path(const std::string& folder, const std::string& name) {
  return std::string(LAMINA_TEST_DATA_DIR) + "/data/" + folder + "/" + name;
}

/// A safetensors file: the 8-byte little-endian length of `header`, `header`, `data`.
inline std::vector<std::byte> safetensors_file(std::string_view header, std::string_view data = {}) {
  std::string file(8, '\0');
  for (size_t i = 0; i < 8; ++i) file[i] = static_cast<char>((uint64_t{header.size()} >> (8 * i)) & 0xff);
  file += header;
  file += data;
  return bytes_of(file);
}

/// A tensor of `dtype` and `dims` holding `values` (converted as Tensor::set_f64 does).
inline Tensor tensor_of(DType dtype, Dims dims, std::initializer_list<double> values) {
  Tensor t = Tensor::zeros(dtype, std::move(dims));
  REQUIRE(static_cast<size_t>(t.size()) == values.size());
  int64_t i = 0;
  for (double v : values) t.set_f64(i++, v);
  return t;
}

/// Same dtype, same shape, same bytes.
inline bool identical(const Tensor& a, const Tensor& b) {
  return a.dtype() == b.dtype() && a.dims() == b.dims() && std::memcmp(a.raw(), b.raw(), a.nbytes()) == 0;
}

/// Same names in the same order, identical tensors, same metadata.
inline bool identical(const safetensors::Contents& a, const safetensors::Contents& b) {
  if (a.metadata != b.metadata || a.tensors.size() != b.tensors.size()) return false;
  for (size_t i = 0; i < a.tensors.size(); ++i)
    if (a.tensors[i].name != b.tensors[i].name || !identical(a.tensors[i].tensor, b.tensors[i].tensor)) return false;
  return true;
}

}  // namespace lamina::test
