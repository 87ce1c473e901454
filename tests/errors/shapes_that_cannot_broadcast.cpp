#include "errors/compile_error.h"

using namespace lamina;
using lamina::testing::compile_error;

TEST_CASE("a broadcast failure prints both shapes at the operator expression") {
  std::vector<InputSignature> in = {{"a", DType::Float32, {std::nullopt, 3}}, {"b", DType::Float32, {4}}};
  Error e = compile_error("lambda a, b:\n    return a + b", in);
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message().find("(None, 3)") != std::string::npos);
  CHECK(e.message().find("(4,)") != std::string::npos);
  CHECK(e.span().line == 2);
  CHECK(e.span().column == 12);
}

TEST_CASE("a matmul with mismatched inner dimensions names both shapes") {
  std::vector<InputSignature> in = {{"a", DType::Float32, {std::nullopt, 3}}, {"b", DType::Float32, {4, 5}}};
  Error e = compile_error("lambda a, b: a @ b", in);
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message().find("(None, 3)") != std::string::npos);
  CHECK(e.message().find("(4, 5)") != std::string::npos);
  CHECK(e.span().column == 14);
}

TEST_CASE("a reshape to a different element count names both shapes") {
  Error e = compile_error("reshape(x, (3, 5))", {{"x", DType::Float32, {2, 4}}});
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message().find("(2, 4)") != std::string::npos);
  CHECK(e.message().find("(3, 5)") != std::string::npos);
}

TEST_CASE("concatenating tensors of different ranks names both shapes") {
  Error e = compile_error("concat([x, x[0]], axis=0)");
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() ==
        "concatenate() needs tensors of the same rank, but item 0 has shape (None, 4) and item 1 has shape (4,)");
}
