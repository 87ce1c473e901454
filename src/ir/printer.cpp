// Text form of the IR.

#include "ir/printer.h"

#include <algorithm>

#include <fmt/format.h>

#include "ir/slice.h"

namespace lamina::ir {

std::string format_type(const Type& t) {
  return std::string(dtype_name(t.dtype)) + format_shape(t.shape);
}

namespace {

constexpr int64_t kMaxFullElements = 16;  // larger constants print shape + first values
constexpr int64_t kPreviewElements = 6;

std::string element_text(const Tensor& t, int64_t i) {
  switch (t.dtype()) {
    case DType::Bool: return t.get_i64(i) ? "True" : "False";
    case DType::Int32:
    case DType::Int64: return std::to_string(t.get_i64(i));
    case DType::Float32: return fmt::format("{}", static_cast<float>(t.get_f64(i)));
    case DType::Float64: return fmt::format("{}", t.get_f64(i));
  }
  return "?";
}

// Nested lists of the elements from `first` on, for the dimensions from `axis` on.
std::string nested_text(const Tensor& t, size_t axis, int64_t& next) {
  if (axis == t.dims().size()) return element_text(t, next++);
  std::vector<std::string> parts;
  for (int64_t i = 0; i < t.dims()[axis]; ++i) parts.push_back(nested_text(t, axis + 1, next));
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

std::string dim_text(Dim d) {
  std::string s = format_shape({d});
  return s.substr(1, s.size() - 3);
}

std::string slice_text(int64_t start, int64_t stop, int64_t step) {
  std::string s = start == kSliceAbsentStart ? "" : std::to_string(start);
  s += ":";
  if (stop != kSliceAbsentStop) s += std::to_string(stop);
  if (step != 1) s += ":" + std::to_string(step);
  return s;
}

std::string operands_text(const Node& n) {
  std::vector<std::string> parts;
  for (ValueId v : n.inputs) parts.push_back(fmt::format("%{}", v));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string input_name(const Function& f, const Node& n) {
  if (n.attrs.index >= 0 && static_cast<size_t>(n.attrs.index) < f.inputs.size())
    return f.inputs[static_cast<size_t>(n.attrs.index)].name;
  return fmt::format("#{}", n.attrs.index);
}

std::string param_text(const Function& f, const Node& n) {
  if (n.attrs.index >= 0 && static_cast<size_t>(n.attrs.index) < f.params.size()) {
    const ParamInfo& p = f.params[static_cast<size_t>(n.attrs.index)];
    return fmt::format("{} init={}", p.name, format_tensor_value(p.init));
  }
  return fmt::format("#{}", n.attrs.index);
}

// The op's attributes that matter, in Python-ish notation.
std::string attrs_text(const Function& f, const Node& n) {
  const Attrs& a = n.attrs;
  switch (n.op) {
    case Op::Input: return input_name(f, n);
    case Op::Param: return param_text(f, n);
    case Op::Constant: return format_tensor_value(a.value);
    case Op::Iota: return fmt::format("shape={} axis={}", format_shape(a.shape), a.axis);
    case Op::RandomNormal:
      return fmt::format("shape={} mean={} stddev={} seed={}", format_shape(a.shape), a.a, a.b, a.seed);
    case Op::RandomUniform:
      return fmt::format("shape={} minval={} maxval={} seed={}", format_shape(a.shape), a.a, a.b, a.seed);
    case Op::DimSize: return a.shape.empty() ? "" : "dim=" + dim_text(a.shape[0]);
    case Op::Cast: return fmt::format("to {}", dtype_name(a.dtype));
    case Op::Reshape: {
      std::vector<std::string> parts;
      for (size_t i = 0; i < a.shape.size(); ++i)
        parts.push_back(static_cast<int64_t>(i) == a.infer_axis ? "-1" : dim_text(a.shape[i]));
      return fmt::format("shape=({}{})", fmt::join(parts, ", "), parts.size() == 1 ? "," : "");
    }
    case Op::Transpose: return fmt::format("axes=[{}]", fmt::join(a.axes, ", "));
    case Op::Broadcast: return fmt::format("shape={}", format_shape(a.shape));
    case Op::Slice: {
      std::vector<std::string> parts;
      for (size_t i = 0; i < a.starts.size() && i < a.stops.size() && i < a.steps.size(); ++i)
        parts.push_back(slice_text(a.starts[i], a.stops[i], a.steps[i]));
      return fmt::format("[{}]", fmt::join(parts, ", "));
    }
    case Op::Concat: return fmt::format("axis={}", a.axis);
    case Op::Pad: {
      std::vector<std::string> parts;
      for (size_t i = 0; i < a.starts.size() && i < a.stops.size(); ++i)
        parts.push_back(fmt::format("({}, {})", a.starts[i], a.stops[i]));
      return fmt::format("pads=[{}] value={}", fmt::join(parts, ", "), a.a);
    }
    case Op::ReduceSum:
    case Op::ReduceProd:
    case Op::ReduceMax:
    case Op::ReduceMin:
    case Op::ReduceAny:
    case Op::ReduceAll:
      return fmt::format("axes=[{}]{}", fmt::join(a.axes, ", "), a.keepdims ? " keepdims" : "");
    case Op::ArgMax:
    case Op::ArgMin:
      return fmt::format("axis={}{}", a.axis, a.keepdims ? " keepdims" : "");
    case Op::CumSum:
    case Op::CumProd:
    case Op::Gather:
    case Op::GatherAlong:
      return fmt::format("axis={}", a.axis);
    case Op::TopKValues:
    case Op::TopKIndices:
      return fmt::format("k={}", a.index);
    case Op::ScatterAdd: return fmt::format("shape={} axis={}", format_shape(a.shape), a.axis);
    default:
      return "";
  }
}

std::string node_text(const Function& f, size_t id) {
  const Node& n = f.nodes[id];
  std::string line = fmt::format("  %{} = {}", id, op_name(n.op));
  std::string operands = operands_text(n);
  if (!operands.empty()) line += " " + operands;
  std::string attrs = attrs_text(f, n);
  if (!attrs.empty()) line += " " + attrs;
  return line + " : " + format_type(n.type);
}

}  // namespace

std::string format_tensor_value(const Tensor& t) {
  if (t.rank() == 0) return element_text(t, 0);
  if (t.size() <= kMaxFullElements) {
    int64_t next = 0;
    return nested_text(t, 0, next);
  }
  std::vector<std::string> parts;
  for (int64_t i = 0; i < std::min(t.size(), kPreviewElements); ++i) parts.push_back(element_text(t, i));
  return fmt::format("{} [{}, ...]", format_dims(t.dims()), fmt::join(parts, ", "));
}

std::string format_function(const Function& f) {
  std::vector<std::string> inputs, outputs;
  for (const InputInfo& in : f.inputs) inputs.push_back(fmt::format("{}: {}", in.name, format_type(in.type)));
  for (ValueId v : f.outputs)
    outputs.push_back(v >= 0 && static_cast<size_t>(v) < f.nodes.size() ? format_type(f.type(v)) : "?");
  std::string out = fmt::format("lambda({}) -> ({})\n", fmt::join(inputs, ", "), fmt::join(outputs, ", "));

  std::vector<std::string> lines;
  size_t width = 0;
  for (size_t i = 0; i < f.nodes.size(); ++i) {
    lines.push_back(node_text(f, i));
    width = std::max(width, lines.back().size());
  }
  // Align the source positions, but never pad every line to one very long line's width.
  constexpr size_t kMaxAlign = 100;
  width = std::min(width, kMaxAlign);
  for (size_t i = 0; i < f.nodes.size(); ++i) {
    const SourceSpan& span = f.nodes[i].span;
    out += lines[i];
    if (span.valid())
      out += fmt::format("{}  @{}:{}", std::string(width > lines[i].size() ? width - lines[i].size() : 0, ' '), span.line,
                         span.column);
    out += "\n";
  }
  std::vector<std::string> results;
  for (ValueId v : f.outputs) results.push_back(fmt::format("%{}", v));
  out += fmt::format("  return {}\n", fmt::join(results, ", "));
  return out;
}

}  // namespace lamina::ir
