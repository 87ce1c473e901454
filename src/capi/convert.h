#pragma once
// Checked conversions from the C API's plain values (enums, rank + dims pointers) to the
// library's types. Each throws capi::InvalidArgument with a message naming `what`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lamina/dtype.h"
#include "lamina/lamina.h"

namespace lamina::capi {

/// The most dims a tensor or signature may have through the C API (NumPy's own limit).
inline constexpr int kMaxRank = 32;

/// `dtype` as a DType; throws for a value outside the enum.
DType dtype_from_c(lamina_dtype dtype, const std::string& what);
lamina_dtype dtype_to_c(DType dtype);

/// dims[0..rank-1] of a concrete shape (each >= 0).
std::vector<int64_t> dims_from_c(int rank, const int64_t* dims, const std::string& what);

/// dims[0..rank-1] of a signature: -1 becomes nullopt (a dim known only at run time).
std::vector<std::optional<int64_t>> signature_dims_from_c(int rank, const int64_t* dims, const std::string& what);

/// A signature's dims for C: nullopt becomes -1.
std::vector<int64_t> signature_dims_to_c(const std::vector<std::optional<int64_t>>& dims);

}  // namespace lamina::capi
