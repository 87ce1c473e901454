// The inliner maps a callee's inputs, params and symbolic dims onto the caller's.

#include <catch2/catch.hpp>

#include "dsl/parser.h"
#include "interp/interpret.h"
#include "ir/inline.h"
#include "passes/lower.h"

using namespace lamina;

namespace {

ir::Function lower(const std::string& source, const std::vector<InputSignature>& inputs) {
  return lower_to_ir(parse(source), inputs, {});
}

Tensor row_major(Dims dims, std::vector<double> values) {
  Tensor t = Tensor::zeros(DType::Float32, dims);
  for (size_t i = 0; i < values.size(); ++i) t.set_f64(static_cast<int64_t>(i), values[i]);
  return t;
}

}  // namespace

TEST_CASE("inlining maps inputs and params to the caller's values") {
  ir::Function callee = lower("lambda x:\n w = param(shape=(2,), init=1.0)\n return x * w + 1",
                              {{"x", DType::Float32, {std::nullopt, 2}}});
  ir::Function caller;
  ir::Builder b(caller);
  caller.new_symbol();
  ir::Attrs in;
  in.dtype = DType::Float32;
  in.shape = {ir::Dim::symbol(0), 2};
  ir::ValueId x = b.add(ir::Op::Input, {}, in);
  caller.inputs.push_back({"a", {DType::Float32, in.shape}, x});
  ir::ValueId w = b.constant(row_major({2}, {10, 100}));
  std::vector<ir::ValueId> out = ir::inline_function(b, callee, {x}, {w});
  caller.outputs = out;
  REQUIRE(out.size() == 1);
  CHECK(caller.type(out[0]).shape == ir::Shape{ir::Dim::symbol(0), 2});

  // x * w + 1 with w = [10, 100]: the caller's constant, not the callee's init of ones.
  Tensor result = interpret(caller, {row_major({2, 2}, {1, 2, 3, 4})})[0];
  CHECK(result.get_f64(0) == 11);
  CHECK(result.get_f64(1) == 201);
  CHECK(result.get_f64(2) == 31);
  CHECK(result.get_f64(3) == 401);
}

TEST_CASE("inlining renames the callee's symbols to the caller's dims") {
  // The callee's second None (a symbol of its own) meets the caller's known 3;
  // the reshape target mentions both symbols and must follow.
  ir::Function callee = lower("lambda x: reshape(x, (shape(x)[1], shape(x)[0], 2))",
                              {{"x", DType::Float32, {std::nullopt, std::nullopt, 2}}});
  ir::Function caller;
  ir::Builder b(caller);
  caller.new_symbol();
  ir::Attrs in;
  in.dtype = DType::Float32;
  in.shape = {ir::Dim::symbol(0), 3, 2};
  ir::ValueId x = b.add(ir::Op::Input, {}, in);
  caller.inputs.push_back({"x", {DType::Float32, in.shape}, x});
  caller.outputs = ir::inline_function(b, callee, {x}, {});
  CHECK(caller.type(caller.outputs[0]).shape == ir::Shape{3, ir::Dim::symbol(0), 2});
  Tensor result = interpret(caller, {row_major({1, 3, 2}, {1, 2, 3, 4, 5, 6})})[0];
  CHECK(result.dims() == Dims{3, 1, 2});
  CHECK(result.get_f64(5) == 6);
}

TEST_CASE("inlining refuses a value that does not fit the callee's input") {
  ir::Function callee = lower("lambda x: x + 1", {{"x", DType::Float32, {std::nullopt, 4}}});
  ir::Function caller;
  ir::Builder b(caller);
  ir::Attrs in;
  in.dtype = DType::Float32;
  in.shape = {2, 5};
  ir::ValueId x = b.add(ir::Op::Input, {}, in);
  CHECK_THROWS_WITH(ir::inline_function(b, callee, {x}, {}), Catch::Contains("input 'x' must have shape (None, 4), got (2, 5)"));
  in.dtype = DType::Int32;
  in.shape = {2, 4};
  ir::ValueId i = b.add(ir::Op::Input, {}, in);
  CHECK_THROWS_WITH(ir::inline_function(b, callee, {i}, {}), Catch::Contains("input 'x' must be float32, got int32"));
}
