#pragma once
// The losses and metrics as IR appended to a model's function: Keras'
// formulas (clipping included), each reduced to the mean over the batch.

#include <string>
#include <vector>

#include "ir/builder.h"

namespace lamina::train {

/// The canonical name of a loss ("mse" → "mean_squared_error"); throws a
/// lamina::Error with a suggestion for an unknown one. `what` is "loss" or "metric".
std::string canonical_loss(const std::string& name, const char* what = "loss");
/// The canonical name of a metric: a loss, or "accuracy" resolved by `loss`
/// to "binary_accuracy", "categorical_accuracy" or "sparse_categorical_accuracy".
std::string canonical_metric(const std::string& name, const std::string& loss);

/// Whether the loss takes class indices as targets (sparse_*).
bool sparse_targets(const std::string& loss);

/// The mean over the batch of loss or metric `name` (canonical) of predictions
/// `y_pred` (batch, ...) against targets `y_true` (float32; for sparse ones
/// class indices of shape (batch,)). Returns a float scalar of y_pred's dtype.
ir::ValueId emit_objective(ir::Builder& b, const std::string& name, ir::ValueId y_true, ir::ValueId y_pred);

}  // namespace lamina::train
