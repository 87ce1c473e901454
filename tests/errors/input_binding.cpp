#include "errors/compile_error.h"

using namespace lamina;
using lamina::testing::compile_error;
using lamina::testing::run_error;

TEST_CASE("an input for a parameter the lambda does not have suggests the closest one") {
  Error e = compile_error("lambda alpha, beta: alpha + beta",
                          {{"alpha", DType::Float32, {2}}, {"betta", DType::Float32, {2}}});
  CHECK(e.message() == "an input named 'betta' was given, but the lambda has no such parameter");
  CHECK(e.hint() == "did you mean 'beta'? the lambda takes (alpha, beta)");
}

TEST_CASE("a parameter without an input is named at its position in the header") {
  Error e = compile_error("lambda a, b: a + b", {{"a", DType::Float32, {2}}});
  CHECK(e.message() == "no input was given for parameter 'b'");
  CHECK(e.span().line == 1);
  CHECK(e.span().column == 11);
}

TEST_CASE("running with an input of the wrong shape is a run-time error, not a crash") {
  Lambda f = Lambda::compile("x * 2", {{"x", DType::Float32, {std::nullopt, 4}}});
  Error e = run_error(f, {Tensor::zeros(DType::Float32, {3, 5})});
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message().find("(3, 5)") != std::string::npos);
  CHECK(e.message().find("(None, 4)") != std::string::npos);
}

TEST_CASE("running with an input of the wrong dtype is a run-time error") {
  Lambda f = Lambda::compile("x * 2", {{"x", DType::Float32, {std::nullopt, 4}}});
  Error e = run_error(f, {Tensor::zeros(DType::Float64, {3, 4})});
  CHECK(e.kind() == ErrorKind::Runtime);
  CHECK(e.message().find("float64") != std::string::npos);
}

TEST_CASE("running with the wrong number of inputs is a run-time error") {
  Lambda f = Lambda::compile("x * 2", {{"x", DType::Float32, {std::nullopt, 4}}});
  Error e = run_error(f, {});
  CHECK(e.kind() == ErrorKind::Runtime);
}
