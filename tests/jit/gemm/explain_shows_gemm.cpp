// `explain --emit loops` shows a float matmul as a GEMM step with its fused
// epilogue, transposed operands read in place, and what stays a separate kernel.
#include <catch2/catch.hpp>

#include "lamina/lambda.h"

using namespace lamina;
using Catch::Matchers::Contains;

namespace {
constexpr auto None = std::nullopt;

std::string loops(const std::string& source, const std::vector<InputSignature>& inputs) {
  return Lambda::explain(source, Stage::Loops, inputs);
}
}  // namespace

TEST_CASE("explain shows a dense layer as a GEMM with its epilogue", "[jit][gemm][explain]") {
  std::string text = loops("lambda x, w, b: relu(x @ w + b)",
                           {{"x", DType::Float32, {None, 512}}, {"w", DType::Float32, {512, 1024}}, {"b", DType::Float32, {1024}}});
  INFO(text);
  CHECK_THAT(text, Contains("gemm %"));
  CHECK_THAT(text, Contains("(batch, 1024) = in0 (batch, 512) @ in1 (512, 1024)  (float32, Eigen)"));
  CHECK_THAT(text, Contains("in the memory of out0"));
  CHECK_THAT(text, Contains("epilogue k"));
  CHECK_THAT(text, Contains("for the panel's rows of i0 < batch:"));
  CHECK_THAT(text, Contains("Max(v2, v3)"));
  CHECK_THAT(text, !Contains("kernel k"));  // no separate pass over the product
  CHECK_THAT(text, !Contains("reference kernel"));
}

TEST_CASE("explain shows a transposed operand read in place", "[jit][gemm][explain]") {
  std::string text = loops("lambda x, w: x @ transpose(w)", {{"x", DType::Float64, {None, 5}}, {"w", DType::Float64, {7, 5}}});
  INFO(text);
  CHECK_THAT(text, Contains("= in0 (batch, 5) @ transpose(in1) (5, 7)  (float64, Eigen)"));
  CHECK_THAT(text, !Contains("kernel k"));  // neither a transposing copy nor an epilogue
  CHECK_THAT(text, !Contains("epilogue"));
}

TEST_CASE("explain shows work that is not row by row as a kernel of its own", "[jit][gemm][explain]") {
  std::string text = loops("lambda a, b: transpose(a @ b) + 1", {{"a", DType::Float32, {4, 3}}, {"b", DType::Float32, {3, 5}}});
  INFO(text);
  CHECK_THAT(text, Contains("gemm %"));
  CHECK_THAT(text, !Contains("epilogue"));
  CHECK_THAT(text, Contains("kernel k"));
}

TEST_CASE("explain shows an integer matmul on the reference kernel", "[jit][gemm][explain]") {
  std::string text = loops("lambda a, b: a @ b", {{"a", DType::Int32, {None, 3}}, {"b", DType::Int32, {3, 5}}});
  INFO(text);
  CHECK_THAT(text, Contains("MatMul(in0, in1)  # reference kernel"));
  CHECK_THAT(text, !Contains("gemm %"));
}
