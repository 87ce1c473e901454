#pragma once
// The tensor IR: a function is a list of nodes in topological order, each
// producing one typed tensor value (SSA). Types carry static shapes whose
// unknown dims are symbols bound at run time.

#include <cstdint>
#include <string>
#include <vector>

#include "ir/dim.h"
#include "ir/op.h"
#include "lamina/error.h"
#include "lamina/tensor.h"

namespace lamina::ir {

/// The static type of a value: dtype and shape.
struct Type {
  DType dtype = DType::Float32;
  Shape shape;
  int rank() const { return static_cast<int>(shape.size()); }
  bool operator==(const Type&) const = default;
};
std::string format_type(const Type& t);  // "f32(None, 512)"

using ValueId = int;  // index into Function::nodes

/// Operation attributes. Each op uses the fields its comment in op.h names;
/// the rest keep their defaults (and are ignored).
struct Attrs {
  Shape shape;                       // Iota/Random/Reshape/Broadcast target; DimSize: the one dim
  std::vector<int64_t> axes;         // Reduce*: axes (sorted, non-negative); Transpose: permutation
  int64_t axis = 0;                  // Iota, Concat, ArgMax/Min, CumSum/Prod, Gather*: one axis
  bool keepdims = false;             // Reduce*, ArgMax/Min
  std::vector<int64_t> starts, stops, steps;  // Slice (Python-normalised), Pad (before/after)
  int64_t index = 0;                 // Input/Param position; TopK: k
  int64_t infer_axis = -1;           // Reshape: the dim given as -1, or -1 for none
  double a = 0, b = 0;               // Pad value; Random parameters
  uint64_t seed = 0;                 // Random*
  DType dtype = DType::Float32;      // Cast target; Iota/Random dtype
  Tensor value;                      // Constant
};

struct Node {
  Op op;
  std::vector<ValueId> inputs;
  Attrs attrs;
  Type type;        // inferred when the node is added
  SourceSpan span;  // the source text this value came from, for error messages
};

/// A named input of a lambda.
struct InputInfo {
  std::string name;
  Type type;
  ValueId node = -1;
};

/// A trainable weight declared in the body with `param(...)`.
struct ParamInfo {
  std::string name;
  Type type;       // always fully known
  Tensor init;     // initial value
  ValueId node = -1;
  bool trainable = true;  // false: a weight that training leaves unchanged
};

struct Function {
  std::vector<Node> nodes;
  std::vector<InputInfo> inputs;
  std::vector<ParamInfo> params;
  std::vector<ValueId> outputs;
  int num_symbols = 0;  // symbols 0..num_symbols-1 appear in shapes
  std::string source;   // for quoting in diagnostics

  const Node& node(ValueId id) const { return nodes.at(static_cast<size_t>(id)); }
  const Type& type(ValueId id) const { return node(id).type; }
  int new_symbol() { return num_symbols++; }
};

}  // namespace lamina::ir
