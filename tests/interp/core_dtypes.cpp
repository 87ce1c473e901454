// dtype names, Keras aliases and NumPy promotion.

#include <catch2/catch.hpp>

#include "lamina/dtype.h"

using lamina::DType;

TEST_CASE("dtype names round-trip and Keras aliases parse", "[dtype]") {
  for (DType t : {DType::Bool, DType::Int32, DType::Int64, DType::Float32, DType::Float64})
    CHECK(lamina::parse_dtype(lamina::dtype_name(t)) == t);
  CHECK(lamina::dtype_name(DType::Float32) == "float32");
  CHECK(lamina::parse_dtype("float") == DType::Float32);
  CHECK(lamina::parse_dtype("double") == DType::Float64);
  CHECK(lamina::parse_dtype("int") == DType::Int32);
  CHECK_FALSE(lamina::parse_dtype("float16").has_value());
  CHECK_FALSE(lamina::parse_dtype("").has_value());
}

TEST_CASE("dtype sizes and classes", "[dtype]") {
  CHECK(lamina::dtype_size(DType::Bool) == 1);
  CHECK(lamina::dtype_size(DType::Int32) == 4);
  CHECK(lamina::dtype_size(DType::Float64) == 8);
  CHECK(lamina::is_float(DType::Float32));
  CHECK_FALSE(lamina::is_float(DType::Int64));
  CHECK(lamina::is_integer(DType::Int64));
  CHECK_FALSE(lamina::is_integer(DType::Bool));
}

TEST_CASE("promotion follows NumPy's order, widening int64 with float32 to float64", "[dtype]") {
  CHECK(lamina::promote(DType::Bool, DType::Int32) == DType::Int32);
  CHECK(lamina::promote(DType::Int32, DType::Int64) == DType::Int64);
  CHECK(lamina::promote(DType::Int32, DType::Float32) == DType::Float32);
  CHECK(lamina::promote(DType::Float32, DType::Float64) == DType::Float64);
  CHECK(lamina::promote(DType::Int64, DType::Float32) == DType::Float64);
  CHECK(lamina::promote(DType::Float32, DType::Int64) == DType::Float64);
  CHECK(lamina::promote(DType::Bool, DType::Bool) == DType::Bool);
}
