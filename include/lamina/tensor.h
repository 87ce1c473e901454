#pragma once
// Tensor: a dense, C-ordered, 64-byte-aligned n-dimensional array.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "lamina/dtype.h"
#include "lamina/export.h"

namespace lamina {

/// A concrete shape: every dimension is known.
using Dims = std::vector<int64_t>;

/// Number of elements of a shape (1 for a scalar). Throws lamina::Error on overflow.
LAMINA_API int64_t element_count(const Dims& dims);
/// "(2, 3)" / "()" / "(5,)" — Python tuple spelling.
LAMINA_API std::string format_dims(const Dims& dims);

/// A dense C-ordered tensor. Copies share storage (like a NumPy view of the
/// whole array); use `clone()` for a deep copy. Owning tensors are 64-byte aligned;
/// `borrow` wraps memory the caller keeps alive.
class LAMINA_API Tensor {
 public:
  Tensor();  // a float32 scalar 0
  /// Fresh zero-filled storage.
  static Tensor zeros(DType dtype, Dims dims);
  /// Fresh storage with unspecified contents, for a result about to be overwritten entirely.
  static Tensor uninitialized(DType dtype, Dims dims);
  /// Wraps `data` without copying; the caller keeps it alive and unchanged while in use.
  static Tensor borrow(DType dtype, Dims dims, void* data);
  template <class T>
  static Tensor scalar(DType dtype, T value);

  DType dtype() const { return dtype_; }
  const Dims& dims() const { return dims_; }
  int rank() const { return static_cast<int>(dims_.size()); }
  int64_t size() const { return size_; }  // element count
  size_t nbytes() const { return static_cast<size_t>(size_) * dtype_size(dtype_); }

  void* raw() { return data_; }
  const void* raw() const { return data_; }
  template <class T> T* data() { return static_cast<T*>(data_); }
  template <class T> const T* data() const { return static_cast<const T*>(data_); }

  /// Element i (flat, C order) converted to double / int64 — for printing and tests.
  double get_f64(int64_t i) const;
  int64_t get_i64(int64_t i) const;
  /// Stores `v` converted to this tensor's dtype (NumPy casting: float→int truncates).
  void set_f64(int64_t i, double v);
  void set_i64(int64_t i, int64_t v);

  Tensor clone() const;
  /// Same data, new shape of the same element count.
  Tensor reshaped(Dims dims) const;

 private:
  struct NoStorage {};
  explicit Tensor(NoStorage) {}
  static Tensor allocate(DType dtype, Dims dims, bool zero);

  DType dtype_ = DType::Float32;
  Dims dims_;
  int64_t size_ = 1;
  std::shared_ptr<void> storage_;
  void* data_ = nullptr;
};

template <class T>
Tensor Tensor::scalar(DType dtype, T value) {
  Tensor t = zeros(dtype, {});
  if constexpr (std::is_floating_point_v<T>) t.set_f64(0, static_cast<double>(value));
  else t.set_i64(0, static_cast<int64_t>(value));
  return t;
}

}  // namespace lamina
