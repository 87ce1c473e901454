// Binding run-time inputs (and params) to the lambda's declared signature.

#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::error_from;
using lamina::test::make;

TEST_CASE("an input of the wrong dtype is a Runtime error naming it", "[binding]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch(), 2});
  fb.f.outputs = {x};
  Error e = error_from([&] { interpret(fb.f, {Tensor::zeros(DType::Float64, {1, 2})}); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "input 'x' has dtype float64 but the lambda was compiled for float32");
}

TEST_CASE("an input of the wrong shape is a Runtime error with both shapes", "[binding]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {fb.batch(), 4});
  fb.f.outputs = {x};
  Error e = error_from([&] { interpret(fb.f, {Tensor::zeros(DType::Float32, {3, 5})}); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "input 'x' has shape (3, 5) but the lambda expects (None, 4)");
  CHECK(e.hint() == "dimension 1 must be 4, not 5");
  Error r = error_from([&] { interpret(fb.f, {Tensor::zeros(DType::Float32, {4})}); });
  CHECK(r.message() == "input 'x' has shape (4,) but the lambda expects (None, 4)");
}

TEST_CASE("a symbol shared by two inputs must have one size", "[binding]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  ValueId x = fb.input("x", DType::Float32, {n, 3});
  ValueId y = fb.input("y", DType::Float32, {n, 3});
  ValueId z = fb.b.binary(Op::Add, x, y);
  fb.f.outputs = {z};
  CHECK(interpret(fb.f, {Tensor::zeros(DType::Float32, {2, 3}), Tensor::zeros(DType::Float32, {2, 3})})[0].dims() ==
        Dims{2, 3});
  Error e = error_from(
      [&] { interpret(fb.f, {Tensor::zeros(DType::Float32, {2, 3}), Tensor::zeros(DType::Float32, {4, 3})}); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "input 'y' has shape (4, 3) but the lambda expects (None, 3)");
  CHECK(e.hint() == "dimension 0 must equal dimension 0 of input 'x' (2), not 4");
}

TEST_CASE("the number of inputs must match", "[binding]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {});
  fb.input("y", DType::Float32, {});
  fb.f.outputs = {x};
  Error e = error_from([&] { interpret(fb.f, {Tensor()}); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "the lambda takes 2 input(s) (x, y) but 1 were given");
}

TEST_CASE("params default to their init value and can be overridden", "[binding]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {2});
  Attrs pa;
  pa.index = 0;
  pa.dtype = DType::Float32;
  pa.shape = {2};
  fb.f.params.push_back({"scale", {DType::Float32, {2}}, make(DType::Float32, {2}, {10, 100}), -1});
  ValueId p = fb.add(Op::Param, {}, pa);
  ValueId y = fb.b.binary(Op::Mul, x, p);
  fb.f.outputs = {y};
  Tensor in = make(DType::Float32, {2}, {1, 2});
  lamina::test::check_floats(interpret(fb.f, {in})[0], {2}, {10, 200});
  lamina::test::check_floats(interpret(fb.f, {in}, {make(DType::Float32, {2}, {3, 4})})[0], {2}, {3, 8});
  Error e = error_from([&] { interpret(fb.f, {in}, {Tensor::zeros(DType::Float32, {3})}); });
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message() == "param 'scale' is float32(3,) but the lambda declares it float32(2,)");
}

TEST_CASE("outputs never alias inputs or constants", "[binding]") {
  lamina::test::FunctionBuilder fb;
  ValueId x = fb.input("x", DType::Float32, {2});
  ValueId c = fb.b.constant(make(DType::Float32, {2}, {5, 6}));
  fb.f.outputs = {x, c};
  Tensor in = make(DType::Float32, {2}, {1, 2});
  std::vector<Tensor> out = interpret(fb.f, {in});
  out[0].set_f64(0, 99);
  out[1].set_f64(0, 99);
  CHECK(in.get_f64(0) == 1);
  CHECK(interpret(fb.f, {in})[1].get_f64(0) == 5);
}
