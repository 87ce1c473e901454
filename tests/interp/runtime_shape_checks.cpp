// Shape errors that only the actual sizes reveal are reported at the node.

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::at;
using lamina::test::check_floats;
using lamina::test::error_from;
using lamina::test::make;

TEST_CASE("two unknown dims that do not broadcast at run time", "[runtime]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch()});
  ValueId y = fb.input("y", DType::Float32, {fb.symbol()});
  fb.f.outputs = {fb.b.binary(Op::Add, x, y, at(1, 13))};
  // 1 against 3 broadcasts; 2 against 3 does not.
  check_floats(interpret(fb.f, {make(DType::Float32, {1}, {1}), make(DType::Float32, {3}, {1, 2, 3})})[0], {3},
               {2, 3, 4});
  Error e = error_from(
      [&] { interpret(fb.f, {Tensor::zeros(DType::Float32, {2}), Tensor::zeros(DType::Float32, {3})}); });
  CHECK(e.kind() == ErrorKind::Runtime);  // the inputs fit the signature; the call's sizes do not
  CHECK(e.message() == "shapes (2,) and (3,) cannot be broadcast");
  CHECK(e.span().line == 1);
  CHECK(e.span().column == 13);
}

TEST_CASE("matmul contraction of unknown dims is checked at run time", "[runtime]") {
  lamina::test::FunctionBuilder fb;
  ValueId a = fb.input("a", DType::Float32, {2, fb.batch()});
  ValueId b = fb.input("b", DType::Float32, {fb.symbol(), 2});
  fb.f.outputs = {fb.b.binary(Op::MatMul, a, b, at(1, 3))};
  Error e = error_from(
      [&] { interpret(fb.f, {Tensor::zeros(DType::Float32, {2, 3}), Tensor::zeros(DType::Float32, {4, 2})}); });
  CHECK(e.message() == "matmul: (2, 3) @ (4, 2): contracted dimensions 3 and 4 differ");
}

TEST_CASE("a whole pipeline runs on a zero-size batch", "[runtime]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 3});
  ValueId m = fb.add(Op::ReduceMax, {x}, lamina::test::attrs_axes({1}, true));
  ValueId d = fb.b.binary(Op::Sub, x, m);
  ValueId e = fb.b.unary(Op::Exp, d);
  ValueId s = fb.add(Op::ReduceSum, {e}, lamina::test::attrs_axes({1}, true));
  ValueId y = fb.b.binary(Op::Div, e, s);
  Tensor out = lamina::test::run(fb, y, {Tensor::zeros(DType::Float32, {0, 3})});
  CHECK(out.dims() == Dims{0, 3});
}

TEST_CASE("softmax over a row of size 1 and a batch of 2", "[runtime]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float64, {n, 2});
  ValueId m = fb.add(Op::ReduceMax, {x}, lamina::test::attrs_axes({1}, true));
  ValueId e = fb.b.unary(Op::Exp, fb.b.binary(Op::Sub, x, m));
  ValueId y = fb.b.binary(Op::Div, e, fb.add(Op::ReduceSum, {e}, lamina::test::attrs_axes({1}, true)));
  // softmax([0, log 3]) = [0.25, 0.75]; softmax([1000, 1000]) = [0.5, 0.5]
  Tensor out = lamina::test::run(fb, y, {make(DType::Float64, {2, 2}, {0, std::log(3.0), 1000, 1000})});
  check_floats(out, {2, 2}, {0.25, 0.75, 0.5, 0.5});
}
