#pragma once
// Index arithmetic on C-ordered tensors, shared by the kernels.

#include <cstdint>
#include <cstring>
#include <vector>

#include "lamina/tensor.h"

namespace lamina::interp {

/// C-order strides of a shape, in elements.
inline std::vector<int64_t> strides_of(const Dims& dims) {
  std::vector<int64_t> s(dims.size(), 1);
  for (size_t i = dims.size(); i-- > 1;) s[i - 1] = s[i] * dims[i];
  return s;
}

/// Coordinates of flat element `flat` of a tensor of shape `dims`.
inline std::vector<int64_t> unravel(int64_t flat, const Dims& dims) {
  std::vector<int64_t> c(dims.size(), 0);
  for (size_t i = dims.size(); i-- > 0;) {
    c[i] = flat % dims[i];
    flat /= dims[i];
  }
  return c;
}

/// Product of dims[begin:end].
inline int64_t product(const Dims& dims, size_t begin, size_t end) {
  int64_t p = 1;
  for (size_t i = begin; i < end; ++i) p *= dims[i];
  return p;
}

/// NumPy broadcasting as an index map: element `i` of a tensor of shape `out`
/// reads element `(*this)(i)` of a tensor of shape `in` (right-aligned; size-1
/// dims of `in` repeat). `in` must broadcast to `out`.
class BroadcastIndex {
 public:
  BroadcastIndex(const Dims& in, const Dims& out) : out_(out), strides_(out.size(), 0), identity_(in == out) {
    std::vector<int64_t> in_strides = strides_of(in);
    size_t offset = out.size() - in.size();
    for (size_t i = 0; i < in.size(); ++i)
      strides_[i + offset] = in[i] == 1 ? 0 : in_strides[i];
  }

  int64_t operator()(int64_t flat) const {
    if (identity_) return flat;
    int64_t index = 0;
    for (size_t i = out_.size(); i-- > 0;) {
      index += (flat % out_[i]) * strides_[i];
      flat /= out_[i];
    }
    return index;
  }

 private:
  Dims out_;
  std::vector<int64_t> strides_;  // per output axis; 0 where the input repeats
  bool identity_;                 // same shapes: no index arithmetic needed
};

/// Copies one element between tensors of the same dtype.
inline void copy_element(Tensor& dst, int64_t di, const Tensor& src, int64_t si) {
  size_t size = dtype_size(dst.dtype());
  std::memcpy(static_cast<char*>(dst.raw()) + static_cast<size_t>(di) * size,
              static_cast<const char*>(src.raw()) + static_cast<size_t>(si) * size, size);
}

/// All elements as doubles / int64 (for kernels that read each element often).
inline std::vector<double> to_f64(const Tensor& t) {
  std::vector<double> v(static_cast<size_t>(t.size()));
  for (int64_t i = 0; i < t.size(); ++i) v[static_cast<size_t>(i)] = t.get_f64(i);
  return v;
}

inline std::vector<int64_t> to_i64(const Tensor& t) {
  std::vector<int64_t> v(static_cast<size_t>(t.size()));
  for (int64_t i = 0; i < t.size(); ++i) v[static_cast<size_t>(i)] = t.get_i64(i);
  return v;
}

}  // namespace lamina::interp
