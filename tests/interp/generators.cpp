// Iota, DimSize, and the seeded random generators.

#include "core/random.h"
#include "interp/interp_test_util.h"

using namespace lamina;
using namespace lamina::ir;
using lamina::test::check_floats;
using lamina::test::check_ints;

namespace {

Tensor random(Op op, DType dtype, Dims dims, uint64_t seed, double a, double b) {
  lamina::test::FunctionBuilder fb;
  Attrs attrs = lamina::test::attrs_shape(to_shape(dims));
  attrs.dtype = dtype;
  attrs.seed = seed;
  attrs.a = a;
  attrs.b = b;
  return lamina::test::run(fb, fb.add(op, {}, attrs), {});
}

}  // namespace

TEST_CASE("iota counts along its axis, with an unknown dim sized at run time", "[generators]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  fb.input("x", DType::Float32, {n});
  Attrs a = lamina::test::attrs_shape({n, 3});
  a.axis = 0;
  a.dtype = DType::Int64;
  ValueId rows = fb.add(Op::Iota, {}, a);
  a.axis = 1;
  a.dtype = DType::Float32;
  ValueId cols = fb.add(Op::Iota, {}, a);
  fb.f.outputs = {rows, cols};
  std::vector<Tensor> out = interpret(fb.f, {Tensor::zeros(DType::Float32, {2})});
  check_ints(out[0], {2, 3}, {0, 0, 0, 1, 1, 1});
  check_floats(out[1], {2, 3}, {0, 1, 2, 0, 1, 2});
}

TEST_CASE("DimSize gives the run-time size of a dim as an int32 scalar", "[generators]") {
  lamina::test::FunctionBuilder fb;
  Dim n = fb.batch();
  fb.input("x", DType::Float32, {n, 2});
  Tensor r = lamina::test::run(fb, fb.add(Op::DimSize, {}, lamina::test::attrs_shape({n})),
                               {Tensor::zeros(DType::Float32, {7, 2})});
  CHECK(r.dtype() == DType::Int32);
  check_ints(r, {}, {7});
}

TEST_CASE("random_uniform element i is minval + (maxval - minval) * uniform01(seed, i)", "[generators]") {
  // Values computed in Python from the formulas in core/random.h, rounded to float32.
  Tensor r = random(Op::RandomUniform, DType::Float32, {3}, 7, 2, 5);
  check_floats(r, {3}, {3.180635690689087, 3.3955774307250977, 2.3233273029327393});
}

TEST_CASE("random_normal element i is mean + stddev * normal(seed, i)", "[generators]") {
  Tensor r = random(Op::RandomNormal, DType::Float32, {3}, 7, 1, 0.5);
  check_floats(r, {3}, {0.5118489861488342, 1.200164794921875, 0.634211003780365});
}

TEST_CASE("random tensors are reproducible for a seed and differ between seeds", "[generators]") {
  Tensor a = random(Op::RandomNormal, DType::Float64, {4, 5}, 11, 0, 1);
  Tensor b = random(Op::RandomNormal, DType::Float64, {4, 5}, 11, 0, 1);
  Tensor c = random(Op::RandomNormal, DType::Float64, {4, 5}, 12, 0, 1);
  CHECK(lamina::test::floats(a) == lamina::test::floats(b));
  CHECK(lamina::test::floats(a) != lamina::test::floats(c));
  // Element i depends only on (seed, i): a longer tensor starts with the same values.
  Tensor longer = random(Op::RandomNormal, DType::Float64, {30}, 11, 0, 1);
  for (int64_t i = 0; i < a.size(); ++i) CHECK(longer.get_f64(i) == a.get_f64(i));
}

TEST_CASE("random_uniform stays between minval and maxval", "[generators]") {
  Tensor r = random(Op::RandomUniform, DType::Float64, {1000}, 3, -1, 1);
  for (int64_t i = 0; i < r.size(); ++i) {
    REQUIRE(r.get_f64(i) >= -1);
    REQUIRE(r.get_f64(i) < 1);
  }
  CHECK(random(Op::RandomUniform, DType::Float32, {0, 4}, 3, 0, 1).dims() == Dims{0, 4});
}
