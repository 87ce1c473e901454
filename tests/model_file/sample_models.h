#pragma once
// Models the model-file tests save and load: together they use every layer
// class, a nested model, a shared layer and a Lambda with a trainable param.

#include <string>
#include <vector>

#include "lamina/model.h"

namespace lamina::testing {

/// Every built-in layer class except Embedding and Masking, on float inputs
/// "x" (None, 4, 6) and "y" (None, 4, 5); a Lambda with a trainable param; the
/// Dense layer "shared" called twice; a nested Sequential. Three outputs.
Model every_float_layer_model();
/// Embedding and Masking: int32 input "tokens" (None, 5) → (None, 3) and a mask.
Model embedding_model();
/// A plain Sequential chain (the demo's shape: Dense → Lambda → Dense softmax).
Model demo_sequential();

/// Deterministic inputs for `model` with batch 3 (int inputs hold 0..3).
std::vector<Tensor> sample_inputs(const Model& model);

/// Whether two tensors have the same dtype, dims and bytes.
bool bit_identical(const Tensor& a, const Tensor& b);

}  // namespace lamina::testing
