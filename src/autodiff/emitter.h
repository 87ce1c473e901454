#pragma once
// Appends the backward pass to a copy of the forward function: typed nodes
// (through ir::Builder), located at the forward node being differentiated,
// with the small compositions every derivative rule needs.

#include <map>
#include <optional>
#include <utility>

#include "ir/builder.h"
#include "ir/slice.h"

namespace lamina::autodiff {

using ir::Dim;
using ir::Op;
using ir::Shape;
using ir::ValueId;

class Emitter {
 public:
  /// `out` starts as a copy of `forward`; forward values keep their ids in it.
  /// Elementwise nodes and scalar constants are emitted once: asking again for
  /// one that exists, forward or backward, returns it (softplus' derivative
  /// reuses the sigmoid silu computed, x*x's two equal terms are one node).
  Emitter(const ir::Function& forward, ir::Function& out);

  const ir::Function& forward() const { return forward_; }
  // Copies: emitting a node may move the function's nodes.
  ir::Type type(ValueId v) const { return out_.type(v); }
  Shape shape(ValueId v) const { return out_.type(v).shape; }
  ValueId next_id() const { return static_cast<ValueId>(out_.nodes.size()); }

  /// Every node emitted from now on carries `span` (the forward node's source).
  void locate(SourceSpan span) { span_ = span; }

  ValueId add(Op op, std::vector<ValueId> inputs, ir::Attrs attrs = {});
  ValueId unary(Op op, ValueId x) { return add(op, {x}); }
  ValueId binary(Op op, ValueId a, ValueId b) { return add(op, {a, b}); }
  ValueId select(ValueId cond, ValueId a, ValueId b) { return add(Op::Select, {cond, a, b}); }
  ValueId cast(ValueId x, DType to);

  /// A scalar constant, one node per (dtype, value).
  ValueId scalar(double value, DType dtype);
  /// Zeros of `shape` (which may hold run-time sizes).
  ValueId zeros(const Shape& shape, DType dtype);
  /// The size `d` as an int64 scalar (a constant, or the run-time size).
  ValueId dim_value(Dim d);
  /// 0, 1, ..., size - 1 as int64.
  ValueId iota(Dim size);

  // Movement; each returns `x` itself when it would not change it.
  /// Reshape; with `infer_axis` >= 0 that dim is computed from the others (a -1).
  ValueId reshape(ValueId x, const Shape& shape, int64_t infer_axis = -1);
  ValueId broadcast(ValueId x, const Shape& shape);
  ValueId transpose(ValueId x, const std::vector<int64_t>& perm);
  ValueId slice_axis(ValueId x, size_t axis, int64_t start, int64_t stop, int64_t step);
  ValueId reverse(ValueId x, size_t axis) { return slice_axis(x, axis, ir::kSliceAbsentStart, ir::kSliceAbsentStop, -1); }
  ValueId pad_axis(ValueId x, size_t axis, int64_t before, int64_t after, double value = 0);
  ValueId reduce_sum(ValueId x, const std::vector<int64_t>& axes, bool keepdims);

  /// The cotangent of a value of shape `target` that was broadcast to g's shape:
  /// g summed over the broadcast dims, reshaped to `target`. Throws a Shape error
  /// when a run-time size of `target` might have been 1 (it cannot tell).
  ValueId unbroadcast(ValueId g, const Shape& target);

  /// `shape` with the dims in `axes` (sorted) set to 1: a reduction's keepdims shape.
  static Shape keepdims_shape(const Shape& shape, const std::vector<int64_t>& axes);

 private:
  const ir::Function& forward_;
  ir::Function& out_;
  ir::Builder builder_;
  SourceSpan span_;
  std::map<std::pair<DType, double>, ValueId> scalars_;
  struct Key {
    Op op;
    std::vector<ValueId> inputs;
    DType dtype;  // a Cast's target
    auto operator<=>(const Key&) const = default;
  };
  std::map<Key, ValueId> elementwise_;
  static std::optional<Key> key_of(Op op, const std::vector<ValueId>& inputs, const ir::Attrs& attrs);
};

}  // namespace lamina::autodiff
