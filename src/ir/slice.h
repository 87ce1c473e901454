#pragma once
// Python slice arithmetic (PySlice_Unpack + PySlice_AdjustIndices), shared by
// the type rule of Slice and the interpreter so both agree on every length.

#include <cstdint>
#include <limits>

namespace lamina::ir {

/// Slice attribute values meaning "not given" (`x[:3]`, `x[1:]`).
inline constexpr int64_t kSliceAbsentStart = std::numeric_limits<int64_t>::min();
inline constexpr int64_t kSliceAbsentStop = std::numeric_limits<int64_t>::max();

/// A slice resolved against a dimension: element k (0 <= k < length) of the
/// result is element start + k * step of the input.
struct SliceRange {
  int64_t start = 0;
  int64_t step = 1;
  int64_t length = 0;
};

/// Resolves `start:stop:step` against a dimension of size `dim` exactly as
/// Python does for lists: negative values count from the end, out-of-range
/// values clamp, absent bounds depend on the step's sign. `step` must not be 0.
inline SliceRange normalize_slice(int64_t dim, int64_t start, int64_t stop, int64_t step) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  if (step == std::numeric_limits<int64_t>::min()) step = -kMax;  // as Python clamps it
  if (start == kSliceAbsentStart) start = step < 0 ? kMax : 0;
  if (stop == kSliceAbsentStop) stop = step < 0 ? -kMax - 1 : kMax;
  auto adjust = [&](int64_t v) {
    if (v < 0) {
      v += dim;
      if (v < 0) v = step < 0 ? -1 : 0;
    } else if (v >= dim) {
      v = step < 0 ? dim - 1 : dim;
    }
    return v;
  };
  start = adjust(start);
  stop = adjust(stop);
  int64_t length = 0;
  if (step < 0) {
    if (stop < start) length = (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    length = (stop - start - 1) / step + 1;
  }
  return {start, step, length};
}

inline int64_t slice_length(int64_t dim, int64_t start, int64_t stop, int64_t step) {
  return normalize_slice(dim, start, stop, step).length;
}

}  // namespace lamina::ir
