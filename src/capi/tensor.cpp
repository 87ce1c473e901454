// Tensors for C: owned (zeroed or copied) or borrowed from the host's buffer.

#include <fmt/format.h>

#include <cstring>
#include <memory>
#include <utility>

#include "capi/boundary.h"
#include "capi/convert.h"
#include "capi/handles.h"
#include "lamina/error.h"

namespace lamina::capi {

namespace {

std::string describe(DType dtype, const Dims& dims) {
  return fmt::format("a {} tensor of shape {}", dtype_name(dtype), format_dims(dims));
}

/// Checks that a host buffer of `byte_size` bytes at `data` exactly holds `dtype` x `dims`.
void check_buffer(DType dtype, const Dims& dims, const void* data, size_t byte_size) {
  size_t need = 0;
  if (__builtin_mul_overflow(static_cast<size_t>(element_count(dims)), dtype_size(dtype), &need))
    throw Error(ErrorKind::Limit, fmt::format("{} has more bytes than memory can address", describe(dtype, dims)));
  if (byte_size != need)
    invalid(fmt::format("the buffer holds {} bytes but {} needs {}", byte_size, describe(dtype, dims), need));
  if (!data && need > 0) invalid(fmt::format("data is NULL but {} needs {} bytes", describe(dtype, dims), need));
  if (reinterpret_cast<uintptr_t>(data) % dtype_size(dtype) != 0)
    invalid(fmt::format("data is not aligned to {} bytes, as {} elements must be", dtype_size(dtype), dtype_name(dtype)));
}

/// The dtype and dims of a host buffer, checked against its size and alignment.
std::pair<DType, Dims> host_layout(lamina_dtype dtype, int rank, const int64_t* dims, const void* data,
                                   size_t byte_size) {
  DType t = dtype_from_c(dtype, "the tensor");
  Dims d = dims_from_c(rank, dims, "the tensor");
  check_buffer(t, d, data, byte_size);
  return {t, std::move(d)};
}

/// Stores a new handle for make()'s tensor in *out (NULL on failure).
template <class Make>
lamina_status* make_tensor(const char* function, lamina_tensor** out, Make&& make) {
  if (out) *out = nullptr;
  return boundary(function, [&] {
    require(out != nullptr, "out is NULL; pass the address of a lamina_tensor* to receive the tensor");
    *out = new lamina_tensor{make()};
  });
}

}  // namespace

}  // namespace lamina::capi


extern "C" {

size_t lamina_dtype_size(lamina_dtype dtype) {
  try {
    return lamina::dtype_size(lamina::capi::dtype_from_c(dtype, "dtype"));
  } catch (...) {
    return 0;
  }
}

const char* lamina_dtype_name(lamina_dtype dtype) {
  try {
    return lamina::dtype_name(lamina::capi::dtype_from_c(dtype, "dtype")).data();  // static, NUL-terminated
  } catch (...) {
    return "unknown";
  }
}

lamina_status* lamina_tensor_create(lamina_dtype dtype, int rank, const int64_t* dims, lamina_tensor** out) {
  return lamina::capi::make_tensor("lamina_tensor_create", out, [&] {
    lamina::DType t = lamina::capi::dtype_from_c(dtype, "the tensor");
    return lamina::Tensor::zeros(t, lamina::capi::dims_from_c(rank, dims, "the tensor"));
  });
}

lamina_status* lamina_tensor_create_copy(lamina_dtype dtype, int rank, const int64_t* dims, const void* data,
                                         size_t byte_size, lamina_tensor** out) {
  return lamina::capi::make_tensor("lamina_tensor_create_copy", out, [&] {
    auto [t, d] = lamina::capi::host_layout(dtype, rank, dims, data, byte_size);
    lamina::Tensor tensor = lamina::Tensor::uninitialized(t, d);
    if (byte_size > 0) std::memcpy(tensor.raw(), data, byte_size);
    if (t == lamina::DType::Bool)
      for (int64_t i = 0; i < tensor.size(); ++i) tensor.data<uint8_t>()[i] = tensor.data<uint8_t>()[i] != 0;
    return tensor;
  });
}

lamina_status* lamina_tensor_borrow(lamina_dtype dtype, int rank, const int64_t* dims, void* data, size_t byte_size,
                                    lamina_tensor** out) {
  return lamina::capi::make_tensor("lamina_tensor_borrow", out, [&] {
    auto [t, d] = lamina::capi::host_layout(dtype, rank, dims, data, byte_size);
    return lamina::Tensor::borrow(t, std::move(d), data);
  });
}

void lamina_tensor_free(lamina_tensor* tensor) { delete tensor; }

lamina_dtype lamina_tensor_dtype(const lamina_tensor* tensor) {
  return tensor ? lamina::capi::dtype_to_c(tensor->tensor.dtype()) : LAMINA_FLOAT32;
}

int lamina_tensor_rank(const lamina_tensor* tensor) { return tensor ? tensor->tensor.rank() : -1; }

const int64_t* lamina_tensor_dims(const lamina_tensor* tensor) {
  return tensor && tensor->tensor.rank() > 0 ? tensor->tensor.dims().data() : nullptr;
}

int64_t lamina_tensor_element_count(const lamina_tensor* tensor) { return tensor ? tensor->tensor.size() : 0; }

size_t lamina_tensor_byte_size(const lamina_tensor* tensor) { return tensor ? tensor->tensor.nbytes() : 0; }

void* lamina_tensor_data(lamina_tensor* tensor) { return tensor ? tensor->tensor.raw() : nullptr; }

const void* lamina_tensor_const_data(const lamina_tensor* tensor) { return tensor ? tensor->tensor.raw() : nullptr; }

}  // extern "C"
