// A gradient through an operation that has none is an error naming the
// operation and its place in the source, when the loss depends on the requested
// value only through such operations; otherwise those paths contribute nothing.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

Error differentiate_error(const std::string& source) {
  Random rng(91);
  std::vector<NamedInput> in{{"x", random_tensor(rng, {2, 3})}};
  ir::Function f = lower_source(source, in);
  autodiff::WithRespectTo wrt = autodiff::WithRespectTo::trainable_params(f);
  wrt.inputs = {0};
  return error_from([&] { autodiff::differentiate(f, 0, wrt); });
}

}  // namespace

TEST_CASE("argmax as the only path to the loss is a Gradient error at the argmax") {
  Error e = differentiate_error("lambda x: sum(cast(argmax(x, axis=1), 'float64'))");
  CHECK(e.kind() == ErrorKind::Gradient);
  CHECK(e.message() == "argmax has no gradient, and the loss depends on input 'x' only through it");
  CHECK(e.span().line == 1);
  CHECK(e.span().column == 20);
  CHECK_THAT(e.what(), Catch::Contains("1:20: error: argmax has no gradient"));
  CHECK_THAT(e.what(), Catch::Contains("                   ^"));  // the caret under argmax
  CHECK_THAT(e.hint(), Catch::Contains("use values instead"));
}

TEST_CASE("argmin, top_k indices and casts to integers have no gradient either") {
  CHECK(differentiate_error("lambda x: sum(cast(argmin(x), 'float64'))").message() ==
        "argmin has no gradient, and the loss depends on input 'x' only through it");
  CHECK(differentiate_error("lambda x: sum(cast(top_k(x, 2)[1], 'float64'))").message() ==
        "the indices top_k returns has no gradient, and the loss depends on input 'x' only through it");
  Error cast = differentiate_error("lambda x: sum(cast(cast(x * 3, 'int32'), 'float64'))");
  CHECK(cast.kind() == ErrorKind::Gradient);
  CHECK(cast.message() == "a cast to int32 has no gradient, and the loss depends on input 'x' only through it");
  CHECK_THAT(cast.hint(), Catch::Contains("keep it a float"));
}

TEST_CASE("the error counts the other operations without a gradient") {
  Error e = differentiate_error("lambda x: sum(cast(argmax(x, axis=1), 'float64')) + sum(cast(argmin(x), 'float64'))");
  CHECK(e.message() ==
        "argmax has no gradient, and the loss depends on input 'x' only through it and 1 other operation without one");
}

TEST_CASE("the error names the param whose gradient cannot be computed") {
  Error e = differentiate_error(R"(lambda x:
    w = param(shape=(3, 2), init=1.0, dtype="float64")
    return sum(cast(argmax(x @ w, axis=1), "float64")) + sum(x))");
  CHECK(e.message() == "argmax has no gradient, and the loss depends on param 'w' only through it");
  CHECK(e.span().line == 3);
}

TEST_CASE("a path without a gradient next to a differentiable one is not an error") {
  // take_along_axis carries the gradient to the chosen elements; argmax adds nothing.
  Random rng(92);
  check_gradient("lambda x: take_along_axis(x, expand_dims(argmax(x, axis=1), 1), axis=1) * 2",
                 random_tensor(rng, {3, 4}));
  check_gradient("lambda x: x * cast(argmax(x, axis=1), 'float64')[:, None]", random_tensor(rng, {3, 4}));
}

TEST_CASE("comparisons and where conditions are masks with a zero gradient") {
  Random rng(93);
  Tensor x = random_tensor(rng, {3, 4});
  check_gradient("lambda x: where(x > 0, x * x, -x) + cast(x < 0.5, 'float64')", x);
  check_gradient("lambda x: clip(x, -1.0, 1.0) * 3", x);
  check_gradient("lambda x: cast(isfinite(x), 'float64') * x", x);
}
