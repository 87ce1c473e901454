// Names and groups of the IR operations, generated from the list in op.h.

#include "ir/op.h"

namespace lamina::ir {

std::string_view op_name(Op op) {
  switch (op) {
#define LAMINA_X(name, group) \
  case Op::name:              \
    return #name;
    LAMINA_IR_OPS(LAMINA_X)
#undef LAMINA_X
  }
  return "?";
}

OpGroup op_group(Op op) {
  switch (op) {
#define LAMINA_X(name, group) \
  case Op::name:              \
    return OpGroup::group;
    LAMINA_IR_OPS(LAMINA_X)
#undef LAMINA_X
  }
  return OpGroup::Leaf;
}

bool is_elementwise(Op op) {
  switch (op_group(op)) {
    case OpGroup::Unary:
    case OpGroup::Binary:
    case OpGroup::Select:
    case OpGroup::Cast:
      return true;
    default:
      return false;
  }
}

}  // namespace lamina::ir
