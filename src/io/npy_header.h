#pragma once
// The header dictionary of a .npy file: which dtype, which shape.

#include <string>
#include <string_view>

#include "lamina/dtype.h"
#include "lamina/tensor.h"

namespace lamina::npy {

/// What a valid header says about the array that follows it.
struct Header {
  DType dtype = DType::Float32;
  Dims dims;
  int64_t data_bytes = 0;  // element count × dtype size, checked for overflow
};

/// Checks and decodes header text such as
///   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
/// Throws lamina::Error (File) naming `name` and the problem.
Header parse_header(std::string_view text, const std::string& name);

/// The dictionary text NumPy writes for this array, including NumPy's spare
/// spaces for growing the first axis, but without alignment padding or newline.
std::string format_header(DType dtype, const Dims& dims);

}  // namespace lamina::npy
