#pragma once
// Helpers for tests that build IR functions by hand.

#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ir/builder.h"
#include "lamina/error.h"

namespace lamina::test {

/// A function under construction. Not copyable: the builder refers to `f`.
struct FunctionBuilder {
  ir::Function f;
  ir::Builder b{f};

  FunctionBuilder() = default;
  FunctionBuilder(const FunctionBuilder&) = delete;

  /// Declares input `name` and adds its Input node.
  ir::ValueId input(const std::string& name, DType dtype, ir::Shape shape) {
    ir::Attrs a;
    a.index = static_cast<int64_t>(f.inputs.size());
    a.dtype = dtype;
    a.shape = shape;
    f.inputs.push_back({name, {dtype, shape}, -1});
    ir::ValueId v = b.add(ir::Op::Input, {}, a);
    f.inputs.back().node = v;
    return v;
  }

  /// The batch dimension (symbol 0), created on first use.
  ir::Dim batch() {
    if (f.num_symbols == 0) f.new_symbol();
    return ir::Dim::symbol(0);
  }

  ir::Dim symbol() { return ir::Dim::symbol(f.new_symbol()); }

  ir::ValueId add(ir::Op op, std::vector<ir::ValueId> inputs, ir::Attrs attrs = {}, SourceSpan span = {}) {
    return b.add(op, std::move(inputs), std::move(attrs), span);
  }

  const ir::Type& type(ir::ValueId v) const { return f.type(v); }
};

inline SourceSpan at(int line, int column) { return {line, column, 0, 1}; }

/// Runs `body`, which must throw lamina::Error; returns the error.
inline Error error_from(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a lamina::Error");
  throw std::logic_error("unreachable");
}

inline ir::Attrs attrs_axes(std::vector<int64_t> axes, bool keepdims = false) {
  ir::Attrs a;
  a.axes = std::move(axes);
  a.keepdims = keepdims;
  return a;
}

inline ir::Attrs attrs_axis(int64_t axis, bool keepdims = false) {
  ir::Attrs a;
  a.axis = axis;
  a.keepdims = keepdims;
  return a;
}

inline ir::Attrs attrs_shape(ir::Shape shape) {
  ir::Attrs a;
  a.shape = std::move(shape);
  return a;
}

}  // namespace lamina::test
