// Element types: names, sizes and NumPy promotion.

#include "lamina/dtype.h"

namespace lamina {

std::string_view dtype_name(DType t) {
  switch (t) {
    case DType::Bool: return "bool";
    case DType::Int32: return "int32";
    case DType::Int64: return "int64";
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
  }
  return "?";
}

std::optional<DType> parse_dtype(std::string_view name) {
  // NumPy spellings, plus the Keras aliases: "float" is floatx (float32) and
  // "int" is Keras 3's default integer (int32).
  if (name == "bool") return DType::Bool;
  if (name == "int32" || name == "int") return DType::Int32;
  if (name == "int64") return DType::Int64;
  if (name == "float32" || name == "float") return DType::Float32;
  if (name == "float64" || name == "double") return DType::Float64;
  return std::nullopt;
}

size_t dtype_size(DType t) {
  switch (t) {
    case DType::Bool: return 1;
    case DType::Int32: return 4;
    case DType::Int64: return 8;
    case DType::Float32: return 4;
    case DType::Float64: return 8;
  }
  return 1;
}

bool is_float(DType t) { return t == DType::Float32 || t == DType::Float64; }
bool is_integer(DType t) { return t == DType::Int32 || t == DType::Int64; }

DType promote(DType a, DType b) {
  // float32 cannot hold every int64, so NumPy widens that pair to float64.
  if ((a == DType::Int64 && b == DType::Float32) || (a == DType::Float32 && b == DType::Int64))
    return DType::Float64;
  return a < b ? b : a;
}

}  // namespace lamina
