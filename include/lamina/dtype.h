#pragma once
// Element types of Lamina tensors and NumPy-style promotion between them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lamina/export.h"

namespace lamina {

/// The element types a tensor can hold. Order matters: promotion picks the
/// larger of two types of the same kind.
enum class DType : uint8_t { Bool, Int32, Int64, Float32, Float64 };

/// "float32", "int64", ... — the NumPy spelling.
LAMINA_API std::string_view dtype_name(DType t);
/// Parses a NumPy/Keras dtype name ("float32", "float", "int", "bool", ...).
LAMINA_API std::optional<DType> parse_dtype(std::string_view name);
LAMINA_API size_t dtype_size(DType t);
LAMINA_API bool is_float(DType t);
LAMINA_API bool is_integer(DType t);  // int32 / int64 (bool is not an integer here)

/// NumPy promotion of two tensor dtypes: bool < int32 < int64 < float32 < float64,
/// except that int64 with float32 gives float64 as in NumPy.
LAMINA_API DType promote(DType a, DType b);

}  // namespace lamina
