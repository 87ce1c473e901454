// Which inputs of which ops carry a derivative.

#include "autodiff/grad_rules.h"

namespace lamina::autodiff {

Flow flow_of(const ir::Function& f, const ir::Node& n, size_t input) {
  switch (n.op) {
    case Op::Floor:
    case Op::Ceil:
    case Op::Round:
    case Op::Sign:
    case Op::FloorDiv:
      return Flow::Constant;
    case Op::ArgMax:
    case Op::ArgMin:
    case Op::TopKIndices:
      return Flow::Severed;
    case Op::Cast:
      return is_float(n.attrs.dtype) ? Flow::Smooth : Flow::Severed;
    case Op::Select:
      return input == 0 ? Flow::Constant : Flow::Smooth;
    case Op::Gather:
    case Op::GatherAlong:
    case Op::ScatterAdd:
      return input == 1 ? Flow::Constant : Flow::Smooth;  // the indices
    default:
      break;
  }
  // Bool and integer results (comparisons, isnan, any/all, bitwise ops, integer
  // arithmetic) are piecewise constant and hold no cotangent.
  return is_float(n.type.dtype) && is_float(f.type(n.inputs[input]).dtype) ? Flow::Smooth : Flow::Constant;
}

}  // namespace lamina::autodiff
