// softmax(x, axis=-1) and log_softmax(x, axis=-1): over one axis or a tuple of
// axes, max-shifted so large inputs do not overflow, -inf entries get
// probability 0. Expected values from NumPy.

#include "builtins/support.h"

using namespace lamina;
using test::eval;
using test::expect_values;
using test::tensor;

namespace {
Tensor x() { return tensor({3, 4}, {1, 2, 3, 4, 0, 0, 0, 0, -1, 0, 1, -2}); }
}  // namespace

TEST_CASE("softmax over the last axis by default", "[softmax][activations]") {
  std::vector<double> rows = {0.032058603, 0.087144319, 0.23688282, 0.64391426, 0.25, 0.25, 0.25, 0.25,
                              0.087144319, 0.23688282, 0.64391426, 0.032058603};
  expect_values(eval("softmax(x)", x()), {3, 4}, rows);
  expect_values(eval("softmax(x, axis=-1)", x()), {3, 4}, rows);
  expect_values(eval("K.softmax(x, 1)", x()), {3, 4}, rows);
}

TEST_CASE("softmax over another axis or a tuple of axes", "[softmax][activations]") {
  expect_values(eval("softmax(x, axis=0)", x()), {3, 4},
                {0.66524096, 0.78698604, 0.84379473, 0.97962921, 0.24472847, 0.10650698, 0.042010066, 0.017942535,
                 0.090030573, 0.10650698, 0.1141952, 0.002428258});
  expect_values(eval("softmax(x, axis=(0, 1))", x()), {3, 4},
                {0.029224902, 0.07944152, 0.21594444, 0.58699785, 0.010751241, 0.010751241, 0.010751241,
                 0.010751241, 0.0039551604, 0.010751241, 0.029224902, 0.0014550222});
}

TEST_CASE("softmax is stable for large inputs", "[softmax][activations]") {
  Tensor big = tensor({2, 4}, {1000, 1001, 1002, 1003, -1000, -1001, -1002, -1003});
  expect_values(eval("softmax(x)", big), {2, 4},
                {0.032058603, 0.087144319, 0.23688282, 0.64391426, 0.64391426, 0.23688282, 0.087144319, 0.032058603});
  expect_values(eval("log_softmax(x)", big), {2, 4},
                {-3.4401897, -2.4401897, -1.4401897, -0.4401897, -0.4401897, -1.4401897, -2.4401897, -3.4401897});
}

TEST_CASE("softmax gives -inf entries probability 0", "[softmax][activations]") {
  Tensor masked = tensor({1, 4}, {0, -INFINITY, 1, -INFINITY});
  expect_values(eval("softmax(x)", masked), {1, 4}, {0.26894142, 0, 0.73105858, 0});
  expect_values(eval("log_softmax(x)", masked), {1, 4}, {-1.3132617, -INFINITY, -0.31326169, -INFINITY});
  // A row that is entirely masked has no distribution: NaN, as in NumPy.
  expect_values(eval("softmax(x)", tensor({1, 2}, {-INFINITY, -INFINITY})), {1, 2}, {NAN, NAN});
}

TEST_CASE("log_softmax over an axis", "[softmax][activations]") {
  expect_values(eval("log_softmax(x)", x()), {3, 4},
                {-3.4401897, -2.4401897, -1.4401897, -0.4401897, -1.3862944, -1.3862944, -1.3862944, -1.3862944,
                 -2.4401897, -1.4401897, -0.4401897, -3.4401897});
  expect_values(eval("log_softmax(x, axis=0)", x()), {3, 4},
                {-0.40760596, -0.23954477, -0.16984602, -0.020581139, -1.407606, -2.2395448, -3.169846, -4.0205811,
                 -2.407606, -2.2395448, -2.169846, -6.0205811});
}

TEST_CASE("softmax of ints is float32 and of a size-1 axis is 1", "[softmax][activations]") {
  Tensor r = eval("softmax(x)", tensor({1, 2}, {0, 0}, DType::Int32));
  CHECK(r.dtype() == DType::Float32);
  expect_values(r, {1, 2}, {0.5, 0.5});
  expect_values(eval("softmax(x)", tensor({3, 1}, {-5, 0, 1e30})), {3, 1}, {1, 1, 1});
  expect_values(eval("log_softmax(x)", tensor({2, 1}, {-5, 7})), {2, 1}, {0, 0});
}

TEST_CASE("softmax on a batch known only at run time, empty batch included", "[softmax][activations]") {
  expect_values(test::eval_batched("softmax(x)", tensor({2, 2}, {0, 0, 1, 1})), {2, 2}, {0.5, 0.5, 0.5, 0.5});
  expect_values(test::eval_batched("softmax(x)", tensor({0, 2}, {})), {0, 2}, {});
}

TEST_CASE("softmax's axis is checked", "[softmax][activations][errors]") {
  Error e = test::compile_error("softmax(x, axis=2)", {std::nullopt, 4});
  CHECK(e.kind() == ErrorKind::Axis);
  test::expect_error(e, "axis 2 is out of range for a tensor of rank 2", 1, 17);
  CHECK(e.hint() == "valid axes are -2..1");
  test::expect_error(test::compile_error("log_softmax(x, axis=(1, -1))", {std::nullopt, 4}),
                     "log_softmax() got axis -1 twice", 1, 21);
}
