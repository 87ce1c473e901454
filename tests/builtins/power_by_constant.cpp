// x ** 2 by a constant exponent lowers to a product (exact, and far cheaper than pow).

#include <catch2/catch.hpp>

#include "lamina/lambda.h"

using namespace lamina;

TEST_CASE("x ** 2 lowers to a multiplication, not a pow") {
  Lambda f = Lambda::compile("x ** 2", {{"x", DType::Float32, {std::nullopt, 4}}});
  CHECK(f.ir_text().find("Mul") != std::string::npos);
  CHECK(f.ir_text().find("Pow") == std::string::npos);
}

TEST_CASE("x ** 1 is x itself and x ** 3 stays a pow") {
  CHECK(Lambda::compile("x ** 1", {{"x", DType::Float32, {4}}}).ir_text().find("Pow") == std::string::npos);
  CHECK(Lambda::compile("x ** 3", {{"x", DType::Float32, {4}}}).ir_text().find("Pow") != std::string::npos);
}

TEST_CASE("an int tensor squared stays an int product") {
  Lambda f = Lambda::compile("x ** 2", {{"x", DType::Int32, {3}}});
  Tensor x = Tensor::zeros(DType::Int32, {3});
  for (int i = 0; i < 3; ++i) x.set_i64(i, i - 1);
  Tensor y = f.run({x}).at(0);
  CHECK(y.dtype() == DType::Int32);
  CHECK(y.get_i64(0) == 1);
  CHECK(y.get_i64(1) == 0);
  CHECK(y.get_i64(2) == 1);
}
