#pragma once
// Appends nodes to a Function, inferring each node's type as it is added.

#include "ir/function.h"
#include "ir/infer_type.h"

namespace lamina::ir {

class Builder {
 public:
  explicit Builder(Function& f);

  /// Adds a node and returns its value; throws lamina::Error at `span` if the
  /// op's type rule rejects the inputs.
  ValueId add(Op op, std::vector<ValueId> inputs, Attrs attrs = {}, SourceSpan span = {});

  // Shorthands for the common cases.
  ValueId constant(Tensor value, SourceSpan span = {});
  ValueId unary(Op op, ValueId x, SourceSpan span = {});
  ValueId binary(Op op, ValueId a, ValueId b, SourceSpan span = {});
  ValueId cast(ValueId x, DType to, SourceSpan span = {});  // no node if already `to`

  Function& function() { return f_; }
  const Type& type(ValueId v) const { return f_.type(v); }

 private:
  Function& f_;
  DimContext ctx_;
};

}  // namespace lamina::ir
