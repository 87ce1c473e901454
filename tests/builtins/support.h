#pragma once
// Shared helpers for the builtin tests: tensors from value lists, compiling and
// running a lambda in one call, approximate comparison, and catching errors.
//
// Example:
//   Tensor x = test::tensor({2, 2}, {1, 2, 3, 4});
//   Tensor y = test::eval("matmul(x, x)", x);
//   test::expect_values(y, {2, 2}, {7, 10, 15, 22});

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "lamina/error.h"
#include "lamina/lambda.h"
#include "lamina/tensor.h"

namespace lamina::test {

/// A tensor of `dims` holding `values` in C order.
inline Tensor tensor(Dims dims, const std::vector<double>& values, DType dtype = DType::Float32) {
  Tensor t = Tensor::zeros(dtype, std::move(dims));
  REQUIRE(static_cast<size_t>(t.size()) == values.size());
  for (size_t i = 0; i < values.size(); ++i) t.set_f64(static_cast<int64_t>(i), values[i]);
  return t;
}

/// 0, 1, 2, ... in `dims` (np.arange(n).reshape(dims)).
inline Tensor iota(Dims dims, DType dtype = DType::Float32) {
  Tensor t = Tensor::zeros(dtype, std::move(dims));
  for (int64_t i = 0; i < t.size(); ++i) t.set_f64(i, static_cast<double>(i));
  return t;
}

inline std::vector<double> values(const Tensor& t) {
  std::vector<double> out;
  for (int64_t i = 0; i < t.size(); ++i) out.push_back(t.get_f64(i));
  return out;
}

/// The signature of a tensor: its own dtype and shape.
inline InputSignature signature(const std::string& name, const Tensor& t) {
  InputSignature s{name, t.dtype(), {}};
  for (int64_t d : t.dims()) s.shape.push_back(d);
  return s;
}

/// Compiles `source` for `sigs` and runs it on `inputs` (in parameter order).
inline std::vector<Tensor> run(const std::string& source, const std::vector<InputSignature>& sigs,
                               const std::vector<Tensor>& inputs) {
  return Lambda::compile(source, sigs).run(inputs);
}

/// The single result of `source` on input `x` (compiled for x's exact shape).
inline Tensor eval(const std::string& source, const Tensor& x) {
  auto out = run(source, {signature("x", x)}, {x});
  REQUIRE(out.size() == 1);
  return out[0];
}

/// The single result of `lambda x, y: ...` on two inputs.
inline Tensor eval(const std::string& source, const Tensor& x, const Tensor& y) {
  auto out = run(source, {signature("x", x), signature("y", y)}, {x, y});
  REQUIRE(out.size() == 1);
  return out[0];
}

/// The single result of a lambda without inputs (`lambda: ...`).
inline Tensor eval(const std::string& source) {
  auto out = run(source, {}, {});
  REQUIRE(out.size() == 1);
  return out[0];
}

/// The signature of `t` with its first dimension unknown until run time (Keras' batch None).
inline InputSignature batch_signature(const std::string& name, const Tensor& t) {
  InputSignature s = signature(name, t);
  if (!s.shape.empty()) s.shape[0] = std::nullopt;
  return s;
}

/// The single result of `source` on `x`, compiled with x's first dimension as None.
inline Tensor eval_batched(const std::string& source, const Tensor& x) {
  auto out = run(source, {batch_signature("x", x)}, {x});
  REQUIRE(out.size() == 1);
  return out[0];
}

/// Every result of `source` on input `x` (compiled for x's exact shape).
inline std::vector<Tensor> eval_all(const std::string& source, const Tensor& x) {
  return run(source, {signature("x", x)}, {x});
}

/// The static result types of `source` for `sigs`, e.g. {"float32(None, 4)"}.
inline std::vector<std::string> output_types(const std::string& source, const std::vector<InputSignature>& sigs) {
  return Lambda::compile(source, sigs).output_types();
}

/// The error that running `source` (which compiles) on `inputs` throws (fails the test if none).
inline Error run_error(const std::string& source, const std::vector<InputSignature>& sigs,
                       const std::vector<Tensor>& inputs) {
  Lambda f = Lambda::compile(source, sigs);
  try {
    f.run(inputs);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a lamina::Error running: " << source);
  throw;  // unreachable
}

/// Checks shape and values (absolute + relative tolerance `tol`; NaN matches NaN,
/// an infinity only the same infinity).
inline void expect_values(const Tensor& t, const Dims& dims, const std::vector<double>& expected, double tol = 1e-5) {
  REQUIRE(t.dims() == dims);
  REQUIRE(static_cast<size_t>(t.size()) == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO("element " << i);
    double got = t.get_f64(static_cast<int64_t>(i)), want = expected[i];
    if (std::isnan(want)) CHECK(std::isnan(got));
    else if (std::isinf(want)) CHECK(got == want);
    else CHECK(std::abs(got - want) <= tol * (1 + std::abs(want)));
  }
}

/// The error that compiling `source` for `sigs` throws (fails the test if none).
inline Error compile_error(const std::string& source, const std::vector<InputSignature>& sigs) {
  try {
    Lambda::compile(source, sigs);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a lamina::Error compiling: " << source);
  throw;  // unreachable
}

/// Compile error of a lambda without inputs (`lambda: ...`).
inline Error compile_error(const std::string& source) {
  return compile_error(source, std::vector<InputSignature>{});
}

/// Compile error of a body over one float32 input `x` of `shape`.
inline Error compile_error(const std::string& source, std::vector<std::optional<int64_t>> shape) {
  return compile_error(source, {{"x", DType::Float32, std::move(shape)}});
}

/// Checks an error's message contains `text` and it points at line:column.
inline void expect_error(const Error& e, const std::string& text, int line, int column) {
  INFO(e.what());
  CHECK_THAT(e.message(), Catch::Contains(text));
  CHECK(e.span().line == line);
  CHECK(e.span().column == column);
}

}  // namespace lamina::test
