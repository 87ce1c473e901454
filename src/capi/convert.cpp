// Checked conversions from C values to the library's types.

#include "capi/convert.h"

#include <fmt/format.h>

#include "capi/boundary.h"

namespace lamina::capi {

namespace {

void check_rank(int rank, const int64_t* dims, const std::string& what) {
  if (rank < 0) invalid(fmt::format("{} has rank {}; a rank is 0 (a scalar) or more", what, rank));
  if (rank > kMaxRank) invalid(fmt::format("{} has rank {}, above the limit of {}", what, rank, kMaxRank));
  if (rank > 0 && !dims) invalid(fmt::format("{} has rank {} but its dims pointer is NULL", what, rank));
}

}  // namespace

DType dtype_from_c(lamina_dtype dtype, const std::string& what) {
  switch (dtype) {
    case LAMINA_BOOL: return DType::Bool;
    case LAMINA_INT32: return DType::Int32;
    case LAMINA_INT64: return DType::Int64;
    case LAMINA_FLOAT32: return DType::Float32;
    case LAMINA_FLOAT64: return DType::Float64;
  }
  invalid(fmt::format("{} has dtype {}, which is not a lamina_dtype (LAMINA_BOOL to LAMINA_FLOAT64)", what,
                      static_cast<int>(dtype)));
}

lamina_dtype dtype_to_c(DType dtype) {
  switch (dtype) {
    case DType::Bool: return LAMINA_BOOL;
    case DType::Int32: return LAMINA_INT32;
    case DType::Int64: return LAMINA_INT64;
    case DType::Float32: return LAMINA_FLOAT32;
    case DType::Float64: return LAMINA_FLOAT64;
  }
  return LAMINA_FLOAT32;
}

std::vector<int64_t> dims_from_c(int rank, const int64_t* dims, const std::string& what) {
  check_rank(rank, dims, what);
  std::vector<int64_t> out(dims, dims + rank);
  for (int i = 0; i < rank; ++i)
    if (out[static_cast<size_t>(i)] < 0)
      invalid(fmt::format("{} has dims[{}] = {}; a tensor's dims are 0 or more", what, i, out[static_cast<size_t>(i)]));
  return out;
}

std::vector<std::optional<int64_t>> signature_dims_from_c(int rank, const int64_t* dims, const std::string& what) {
  check_rank(rank, dims, what);
  std::vector<std::optional<int64_t>> out;
  for (int i = 0; i < rank; ++i) {
    if (dims[i] < -1)
      invalid(fmt::format("{} has dims[{}] = {}; give a size of 0 or more, or -1 for a size known only at run time",
                          what, i, dims[i]));
    out.push_back(dims[i] == -1 ? std::nullopt : std::optional<int64_t>(dims[i]));
  }
  return out;
}

std::vector<int64_t> signature_dims_to_c(const std::vector<std::optional<int64_t>>& dims) {
  std::vector<int64_t> out;
  for (const auto& d : dims) out.push_back(d.value_or(-1));
  return out;
}

}  // namespace lamina::capi
