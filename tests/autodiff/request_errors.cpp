// Bad requests: a loss that is not a float scalar, a position that does not
// exist, a gradient of an integer value, a broadcast the gradient cannot undo.

#include "autodiff/gradient_check.h"

using namespace lamina;
using namespace lamina::test;

namespace {

ir::Function lowered(const std::string& source, bool batch_none = false) {
  Random rng(101);
  return lower_source(source, {{"x", random_tensor(rng, {2, 3})}}, batch_none);
}

autodiff::WithRespectTo input(int i) {
  autodiff::WithRespectTo w;
  w.inputs = {i};
  return w;
}

}  // namespace

TEST_CASE("a loss that is not a scalar needs its cotangent as an input") {
  Error e = error_from([] { autodiff::differentiate(lowered("lambda x: x * 2"), 0, input(0)); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() == "the loss (output #0) has shape (2, 3), but it must be a scalar");
  CHECK_THAT(e.hint(), Catch::Contains("Seed::Input"));
}

TEST_CASE("an integer loss has no gradient") {
  Error e = error_from([] { autodiff::differentiate(lowered("lambda x: argmax(x)"), 0, input(0)); });
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "the loss (output #0) is int32(); only a float value has a gradient");
}

TEST_CASE("positions that do not exist are Value errors") {
  ir::Function f = lowered("lambda x: sum(x), x");
  Error loss = error_from([&] { autodiff::differentiate(f, 2, input(0)); });
  CHECK(loss.kind() == ErrorKind::Value);
  CHECK(loss.message() == "the loss is output #2, but the function has 2 outputs");
  Error in = error_from([&] { autodiff::differentiate(f, 0, input(1)); });
  CHECK(in.kind() == ErrorKind::Value);
  CHECK(in.message() == "cannot differentiate with respect to input #1: the function has 1 input");
  autodiff::WithRespectTo param;
  param.params = {0};
  CHECK(error_from([&] { autodiff::differentiate(f, 0, param); }).message() ==
        "cannot differentiate with respect to param #0: the function has 0 params");
}

TEST_CASE("an integer param or input has no gradient") {
  ir::Function f = lowered(R"(lambda x:
    n = param(shape=(3,), init=1, dtype="int32")
    return sum(x * cast(n, "float64")))");
  autodiff::WithRespectTo w;
  w.params = {0};
  Error e = error_from([&] { autodiff::differentiate(f, 0, w); });
  CHECK(e.kind() == ErrorKind::Type);
  CHECK(e.message() == "param 'n' is int32; only float values have gradients");
  CHECK(autodiff::WithRespectTo::trainable_params(f).params.empty());
}

TEST_CASE("a broadcast from a size known only at run time cannot be differentiated") {
  // x is (None, 3): its batch may be 1 and broadcast against the (4, 3) constant.
  ir::Function f = lowered("lambda x: sum(x * ones((4, 3), dtype='float64'))", true);
  Error e = error_from([&] { autodiff::differentiate(f, 0, input(0)); });
  CHECK(e.kind() == ErrorKind::Shape);
  CHECK(e.message() ==
        "cannot differentiate this broadcast of (None, 3) to (4, 3): dimension 0 is known only at run time, so the "
        "gradient cannot tell whether it was broadcast from size 1");
  CHECK(e.span().line == 1);
}
