// Dense tensors: aligned owned storage, borrowed views, converting element access.

#include "lamina/tensor.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

#include <fmt/format.h>

#include "lamina/error.h"

namespace lamina {

namespace {

constexpr size_t kAlignment = 64;

// NumPy's float→int cast without its undefined corners: truncate toward zero,
// NaN becomes 0, out-of-range values saturate to the type's limits.
template <class Int>
Int float_to_int(double v) {
  if (std::isnan(v)) return 0;
  constexpr double lo = static_cast<double>(std::numeric_limits<Int>::min());
  // 2^31 or 2^63: the first double above the type's maximum.
  constexpr double hi = -lo;
  if (v <= lo) return std::numeric_limits<Int>::min();
  if (v >= hi) return std::numeric_limits<Int>::max();
  return static_cast<Int>(v);  // truncates toward zero
}

void check_index(const Tensor& t, int64_t i) {
  if (i < 0 || i >= t.size())
    throw Error(ErrorKind::Internal,
                fmt::format("element {} of a tensor of shape {} does not exist", i, format_dims(t.dims())));
}

}  // namespace

int64_t element_count(const Dims& dims) {
  int64_t n = 1;
  for (int64_t d : dims) {
    if (d < 0)
      throw Error(ErrorKind::Limit, fmt::format("shape {} has a negative dimension", format_dims(dims)));
    if (__builtin_mul_overflow(n, d, &n))
      throw Error(ErrorKind::Limit, fmt::format("shape {} has too many elements", format_dims(dims)),
                  {}, "the element count must fit in a signed 64-bit integer");
  }
  return n;
}

std::string format_dims(const Dims& dims) {
  std::string s = "(";
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i > 0) s += ", ";
    s += std::to_string(dims[i]);
  }
  if (dims.size() == 1) s += ",";
  return s + ")";
}

// A float32 scalar 0 with its own storage (zeros() starts from this object, so
// this must not call zeros()).
Tensor::Tensor() {
  void* p = std::aligned_alloc(kAlignment, kAlignment);
  if (!p) throw std::bad_alloc();
  std::memset(p, 0, kAlignment);
  storage_ = std::shared_ptr<void>(p, [](void* q) { std::free(q); });
  data_ = p;
}

Tensor Tensor::zeros(DType dtype, Dims dims) { return allocate(dtype, std::move(dims), true); }

Tensor Tensor::uninitialized(DType dtype, Dims dims) { return allocate(dtype, std::move(dims), false); }

Tensor Tensor::allocate(DType dtype, Dims dims, bool zero) {
  Tensor t{NoStorage{}};
  int64_t n = element_count(dims);
  size_t elem = dtype_size(dtype);
  if (static_cast<uint64_t>(n) > (std::numeric_limits<size_t>::max() - kAlignment) / elem)
    throw Error(ErrorKind::Limit, fmt::format("a tensor of shape {} is too large", format_dims(dims)));
  size_t bytes = static_cast<size_t>(n) * elem;
  size_t padded = (bytes + kAlignment - 1) / kAlignment * kAlignment;
  if (padded == 0) padded = kAlignment;  // every tensor has a valid, aligned pointer
  void* p = std::aligned_alloc(kAlignment, padded);
  if (!p)
    throw Error(ErrorKind::Limit,
                fmt::format("cannot allocate {} bytes for a tensor of shape {}", padded, format_dims(dims)));
  if (zero) std::memset(p, 0, padded);
  t.storage_ = std::shared_ptr<void>(p, [](void* q) { std::free(q); });
  t.data_ = p;
  t.dtype_ = dtype;
  t.dims_ = std::move(dims);
  t.size_ = n;
  return t;
}

Tensor Tensor::borrow(DType dtype, Dims dims, void* data) {
  int64_t n = element_count(dims);
  Tensor t{NoStorage{}};  // the caller owns the memory
  t.data_ = data;
  t.dtype_ = dtype;
  t.dims_ = std::move(dims);
  t.size_ = n;
  return t;
}

double Tensor::get_f64(int64_t i) const {
  check_index(*this, i);
  switch (dtype_) {
    case DType::Bool: return data<uint8_t>()[i] ? 1.0 : 0.0;
    case DType::Int32: return data<int32_t>()[i];
    case DType::Int64: return static_cast<double>(data<int64_t>()[i]);
    case DType::Float32: return data<float>()[i];
    case DType::Float64: return data<double>()[i];
  }
  return 0;
}

int64_t Tensor::get_i64(int64_t i) const {
  check_index(*this, i);
  switch (dtype_) {
    case DType::Bool: return data<uint8_t>()[i] ? 1 : 0;
    case DType::Int32: return data<int32_t>()[i];
    case DType::Int64: return data<int64_t>()[i];
    case DType::Float32: return float_to_int<int64_t>(data<float>()[i]);
    case DType::Float64: return float_to_int<int64_t>(data<double>()[i]);
  }
  return 0;
}

void Tensor::set_f64(int64_t i, double v) {
  check_index(*this, i);
  switch (dtype_) {
    case DType::Bool: data<uint8_t>()[i] = v != 0 ? 1 : 0; break;  // NaN is true, as in NumPy
    case DType::Int32: data<int32_t>()[i] = float_to_int<int32_t>(v); break;
    case DType::Int64: data<int64_t>()[i] = float_to_int<int64_t>(v); break;
    case DType::Float32: data<float>()[i] = static_cast<float>(v); break;
    case DType::Float64: data<double>()[i] = v; break;
  }
}

void Tensor::set_i64(int64_t i, int64_t v) {
  check_index(*this, i);
  switch (dtype_) {
    case DType::Bool: data<uint8_t>()[i] = v != 0 ? 1 : 0; break;
    // int64 → int32 keeps the low 32 bits, as NumPy's astype does.
    case DType::Int32: data<int32_t>()[i] = static_cast<int32_t>(static_cast<uint32_t>(v)); break;
    case DType::Int64: data<int64_t>()[i] = v; break;
    case DType::Float32: data<float>()[i] = static_cast<float>(v); break;
    case DType::Float64: data<double>()[i] = static_cast<double>(v); break;
  }
}

Tensor Tensor::clone() const {
  Tensor t = zeros(dtype_, dims_);
  if (nbytes() > 0) std::memcpy(t.data_, data_, nbytes());
  return t;
}

Tensor Tensor::reshaped(Dims dims) const {
  int64_t n = element_count(dims);
  if (n != size_)
    throw Error(ErrorKind::Shape,
                fmt::format("cannot reshape {} into {}", format_dims(dims_), format_dims(dims)), {},
                fmt::format("the shapes hold {} and {} elements; a reshape must keep the element count",
                            size_, n));
  Tensor t = *this;
  t.dims_ = std::move(dims);
  return t;
}

}  // namespace lamina
