#pragma once
// The derivative rules: for each forward node, the cotangents of its inputs
// given the cotangent of its result, built as IR by an Emitter. One family of
// ops per file (grad_elementwise.cpp, grad_movement.cpp, ...).

#include <optional>
#include <vector>

#include "autodiff/emitter.h"

namespace lamina::autodiff {

/// How one input of an op moves the op's result.
enum class Flow {
  Smooth,    // differentiably (almost everywhere): a rule propagates the cotangent
  Constant,  // piecewise constantly (floor, sign, comparisons, where's condition,
             // indices): the derivative is zero, and nothing propagates
  Severed,   // not at all in the sense of calculus (argmax, a cast to an integer,
             // top_k's indices): an error when it is the loss's only dependence
};

/// The flow through input `input` of node `n` of `f` (meaningful for float inputs).
Flow flow_of(const ir::Function& f, const ir::Node& n, size_t input);

/// One node's reverse step: the cotangent `g` of its result, which inputs need
/// theirs, and the cotangents the rule gives them. A cotangent has its input's
/// dtype and shape (run-time sizes may carry different symbols).
struct Step {
  ValueId id;
  const ir::Node& node;
  ValueId g;
  std::vector<bool> wanted;
  std::vector<std::optional<ValueId>> given;

  bool wants(size_t i) const { return wanted[i]; }
  ValueId in(size_t i) const { return node.inputs[i]; }
  void give(size_t i, ValueId v) {
    if (wanted[i]) given[i] = v;
  }
};

void grad_elementwise(Emitter& e, Step& s);  // Unary, Binary, Select, Cast
void grad_movement(Emitter& e, Step& s);     // Reshape, Transpose, Broadcast, Slice, Concat, Pad
void grad_reduce(Emitter& e, Step& s);       // ReduceSum, ReduceProd, ReduceMax, ReduceMin
void grad_scan(Emitter& e, Step& s);         // CumSum, CumProd
void grad_linalg(Emitter& e, Step& s);       // MatMul
void grad_gather(Emitter& e, Step& s);       // Gather, GatherAlong, TopKValues, ScatterAdd

}  // namespace lamina::autodiff
