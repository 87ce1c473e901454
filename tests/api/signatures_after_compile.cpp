// A compiled lambda reports its inputs (in header order) and its results' static types,
// with nullopt for sizes known only at run time.

#include <catch2/catch.hpp>

#include "lamina/lambda.h"

using namespace lamina;

TEST_CASE("input_signatures follow the header order, not the order given") {
  Lambda f = Lambda::compile("lambda a, b: a * b", {{"b", DType::Float64, {3}}, {"a", DType::Float64, {std::nullopt, 3}}});
  std::vector<InputSignature> in = f.input_signatures();
  REQUIRE(in.size() == 2);
  CHECK(in[0].name == "a");
  CHECK(in[0].dtype == DType::Float64);
  CHECK(in[0].shape == std::vector<std::optional<int64_t>>{std::nullopt, 3});
  CHECK(in[1].name == "b");
  CHECK(in[1].shape == std::vector<std::optional<int64_t>>{3});
}

TEST_CASE("output_signatures give each result's dtype and static shape") {
  Lambda f = Lambda::compile("lambda x: (sum(x, axis=1), x > 0, reshape(x, (-1, 2, 2)))",
                             {{"x", DType::Int32, {std::nullopt, 4}}});
  std::vector<OutputSignature> out = f.output_signatures();
  REQUIRE(out.size() == 3);
  CHECK(out[0].dtype == DType::Int32);  // integer sums keep their dtype (docs/language.md)
  CHECK(out[0].shape == std::vector<std::optional<int64_t>>{std::nullopt});
  CHECK(out[1].dtype == DType::Bool);
  CHECK(out[1].shape == std::vector<std::optional<int64_t>>{std::nullopt, 4});
  CHECK(out[2].shape == std::vector<std::optional<int64_t>>{std::nullopt, 2, 2});
}
