// Whatever Lamina writes it reads back unchanged: every dtype, 0-d and empty arrays.

#include "npy_test_util.h"

#include <cmath>
#include <cstdio>

#include <fmt/format.h>

using namespace lamina;

namespace {

void check_same(const Tensor& a, const Tensor& b) {
  REQUIRE(a.dtype() == b.dtype());
  REQUIRE(a.dims() == b.dims());
  for (int64_t i = 0; i < a.size(); ++i) {
    if (is_float(a.dtype()) && std::isnan(a.get_f64(i))) CHECK(std::isnan(b.get_f64(i)));
    else if (is_float(a.dtype())) CHECK(a.get_f64(i) == b.get_f64(i));
    else CHECK(a.get_i64(i) == b.get_i64(i));
  }
}

/// Distinct, awkward values: negatives, fractions, infinities, NaN.
Tensor sample(DType dtype, Dims dims) {
  Tensor t = Tensor::zeros(dtype, std::move(dims));
  const double values[] = {1, -2.5, 0.1, 1e30, -INFINITY, NAN, 7, 0};
  for (int64_t i = 0; i < t.size(); ++i) {
    double v = values[i % 8];
    if (dtype == DType::Bool) t.set_i64(i, i % 3 == 0);
    else if (is_integer(dtype)) t.set_i64(i, (i % 2 ? -1 : 1) * (i * 1000003 + 5));
    else t.set_f64(i, v);
  }
  return t;
}

}  // namespace

TEST_CASE("serialize_npy then parse_npy round trips every dtype and shape") {
  for (DType dtype : {DType::Bool, DType::Int32, DType::Int64, DType::Float32, DType::Float64}) {
    for (const Dims& dims : {Dims{}, Dims{0}, Dims{5}, Dims{2, 0, 3}, Dims{2, 3, 4}, Dims{1, 1, 1, 1, 7}}) {
      INFO(dtype_name(dtype) << " " << format_dims(dims));
      Tensor t = sample(dtype, dims);
      auto bytes = serialize_npy(t);
      CHECK(bytes.size() % 64 == t.nbytes() % 64);  // the data starts 64-byte aligned
      check_same(t, parse_npy(bytes, "mem.npy"));
    }
  }
}

TEST_CASE("write_npy then read_npy round trips through a file") {
  for (DType dtype : {DType::Bool, DType::Int32, DType::Int64, DType::Float32, DType::Float64}) {
    INFO(dtype_name(dtype));
    Tensor t = sample(dtype, {3, 5});
    std::string path = fmt::format("lamina_test_round_trip_{}.npy", dtype_name(dtype));
    write_npy(path, t);
    Tensor back = read_npy(path);
    std::remove(path.c_str());
    check_same(t, back);
  }
}
