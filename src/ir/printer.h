#pragma once
// The IR as text (`lamina explain --emit ir`): one line per value with its op,
// operands, attributes, type and source line:col.
//
// Example:
//   lambda(x: float32(None, 512)) -> (float32(None, 512))
//     %0 = Input x : float32(None, 512)
//     %1 = ReduceSum %0 axes=[1] keepdims : float32(None, 1)  @2:10
//     %2 = Div %0, %1 : float32(None, 512)                    @2:10
//     return %2

#include <string>

#include "ir/function.h"

namespace lamina::ir {

std::string format_function(const Function& f);

/// A tensor literal as the printer shows it: scalars inline ("2.5"), small
/// tensors in full ("[[1, 2], [3, 4]]"), large ones as shape and first values.
std::string format_tensor_value(const Tensor& t);

}  // namespace lamina::ir
