// Dispatch from an op to its kernel.

#include <fmt/format.h>

#include "interp/kernels.h"

namespace lamina::interp {

using ir::Op;
using ir::OpGroup;

Tensor evaluate(const ir::Node& n, const std::vector<Tensor>& in, const ir::Type& type) {
  switch (ir::op_group(n.op)) {
    case OpGroup::Leaf:
      if (n.op == Op::Iota || n.op == Op::RandomNormal || n.op == Op::RandomUniform) return eval_generator(n, type);
      break;
    case OpGroup::Unary: return eval_unary(n, in.at(0), type);
    case OpGroup::Binary: return eval_binary(n, in.at(0), in.at(1), type);
    case OpGroup::Select: return eval_select(n, in, type);
    case OpGroup::Cast: return eval_cast(n, in.at(0), type);
    case OpGroup::Movement: return eval_movement(n, in, type);
    case OpGroup::Reduce: return eval_reduce(n, in.at(0), type);
    case OpGroup::Scan: return eval_scan(n, in.at(0), type);
    case OpGroup::Contract: return eval_matmul(n, in.at(0), in.at(1), type);
    case OpGroup::Gather: return eval_gather(n, in.at(0), in.at(1), type);
    case OpGroup::Sort: return eval_topk(n, in.at(0), type);
    case OpGroup::Scatter: return eval_scatter(n, in.at(0), in.at(1), type);
  }
  throw Error(ErrorKind::Internal, fmt::format("the interpreter cannot evaluate {}", ir::op_name(n.op)), n.span);
}

}  // namespace lamina::interp
