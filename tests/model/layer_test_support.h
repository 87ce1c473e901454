#pragma once
// Helpers for the built-in layer tests, on top of model_test_util.h: a layer
// wrapped in a one-layer Functional model (run with both engines), its output
// mask, and comparing a result with literal expected values.
//
// Example:
//   Tensor y = test::run_layer(layers::Add(), {test::tensor({1, 2}, {1, 2}), test::tensor({1, 2}, {3, 4})});
//   test::expect_values(y, {1, 2}, {4, 6});

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/model_test_util.h"

namespace lamina::test {

using model_test::predict_both;
using model_test::tensor;
using model_test::values;

/// `t` has `dims` and, elementwise, `expected` (within model_test::check_close's tolerance).
inline void expect_values(const Tensor& t, const Dims& dims, const std::vector<double>& expected) {
  model_test::check_close(t, tensor(dims, expected));
}

/// `layer` called on Inputs shaped like `examples` (without their first, batch axis), as a model.
inline Model model_of(const Layer& layer, const std::vector<Tensor>& examples) {
  std::vector<SymbolicTensor> inputs;
  for (const Tensor& t : examples)
    inputs.push_back(Input(Shape(t.dims().begin() + 1, t.dims().end()), {.dtype = t.dtype()}));
  return Model(inputs, layer.call(inputs));
}

/// The single output of `layer` on `inputs`, run with both engines (which must agree).
inline Tensor run_layer(const Layer& layer, const std::vector<Tensor>& inputs) {
  std::vector<Tensor> out = predict_both(model_of(layer, inputs), inputs);
  REQUIRE(out.size() == 1);
  return out[0];
}

/// The output mask of `layer` on `inputs` (nullopt when the output has none).
inline std::optional<Tensor> layer_mask(const Layer& layer, const std::vector<Tensor>& inputs) {
  std::vector<std::optional<Tensor>> masks = model_of(layer, inputs).compute_masks(inputs);
  REQUIRE(masks.size() == 1);
  return masks[0];
}

/// The output mask of `layer` called on an Embedding(mask_zero) of int32 `ids`
/// (one sample): the mask is ids != 0 going in, so this shows whether the
/// layer passes a mask through.
inline std::optional<Tensor> mask_after_embedding(const Layer& layer, const std::vector<double>& ids) {
  auto n = static_cast<int64_t>(ids.size());
  SymbolicTensor in = Input({n}, {.dtype = DType::Int32});
  Model model({in}, {layer(layers::Embedding(4, 2, {.mask_zero = true})(in))});
  return model.compute_masks({tensor({1, n}, ids, DType::Int32)}).at(0);
}

}  // namespace lamina::test
