// A tuple of Python numbers used as a tensor becomes one constant, not a concat of scalars.

#include <catch2/catch.hpp>

#include "lamina/lambda.h"

using namespace lamina;

TEST_CASE("a long tuple of numbers lowers to a single constant") {
  Lambda f = Lambda::compile("lambda: (0,) * 5000 + 0", {});
  std::string ir = f.ir_text();
  CHECK(ir.find("Concat") == std::string::npos);
  CHECK(ir.size() < 10000);
  Tensor y = f.run({}).at(0);
  CHECK(y.dims() == Dims{5000});
  CHECK(y.dtype() == DType::Int32);
}

TEST_CASE("a list mixing ints and floats is float32, all bools is bool") {
  Tensor a = Lambda::compile("lambda: [1, 2.5] + 0", {}).run({}).at(0);
  CHECK(a.dtype() == DType::Float32);
  CHECK(a.get_f64(1) == 2.5);
  Tensor b = Lambda::compile("lambda: [True, False] & True", {}).run({}).at(0);
  CHECK(b.dtype() == DType::Bool);
  CHECK(b.get_i64(0) == 1);
  CHECK(b.get_i64(1) == 0);
}
