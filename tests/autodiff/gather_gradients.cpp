// Gradients through indexing by tensors: take, gather, take_along_axis,
// indexing with an index tensor, top_k values. An element taken several times
// receives the sum of the cotangents.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

Tensor ints(Dims dims, const std::vector<int64_t>& v) {
  Tensor t = Tensor::zeros(DType::Int32, std::move(dims));
  for (size_t i = 0; i < v.size(); ++i) t.set_i64(static_cast<int64_t>(i), v[i]);
  return t;
}

}  // namespace

TEST_CASE("gradients of take and gather match finite differences, repeated indices included") {
  Random rng(61);
  Tensor x = random_tensor(rng, {4, 5});
  Tensor idx = ints({2, 3}, {0, 3, 3, -1, 0, 2});
  for (const char* source : {"lambda x, i: take(x, i, axis=0)", "lambda x, i: take(x, i, axis=1)",
                             "lambda x, i: take(x, i)", "lambda x, i: gather(x, i, axis=1)", "lambda x, i: x[i]",
                             "lambda x, i: x[:, i[0]]", "lambda x, i: take(x, i[0, 1], axis=1)"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, {{"x", x}, {"i", idx, false}}); }
  }
}

TEST_CASE("gradients of take_along_axis match finite differences") {
  Random rng(62);
  Tensor x = random_tensor(rng, {3, 4});
  for (auto [source, idx] : {std::pair{"lambda x, i: take_along_axis(x, i, axis=1)", ints({3, 2}, {0, 0, 3, 1, 2, -4})},
                             std::pair{"lambda x, i: take_along_axis(x, i, axis=0)", ints({2, 4}, {0, 1, 2, 2, 2, 2, 1, 0})},
                             std::pair{"lambda x, i: take_along_axis(x, i, axis=1)", ints({1, 3}, {3, 3, 0})},
                             std::pair{"lambda x, i: take_along_axis(x[:1], i, axis=1)", ints({3, 2}, {1, 2, 0, 0, 3, 1})}}) {
    DYNAMIC_SECTION(source << " " << format_dims(idx.dims())) { check_gradient(source, {{"x", x}, {"i", idx, false}}); }
  }
}

TEST_CASE("gradients of top_k values match finite differences") {
  Random rng(63);
  Tensor x = random_tensor(rng, {3, 5});
  for (const char* source : {"lambda x: top_k(x, 2)[0]", "lambda x: top_k(x, 5)[0] * top_k(x, 5)[0]",
                             "lambda x: top_k(x[0], 1)[0]"}) {
    DYNAMIC_SECTION(source) { check_gradient(source, x); }
  }
}
