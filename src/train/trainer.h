#pragma once
// A compiled model's training state: the config, and the step functions —
// model, loss and metrics, with the loss's gradients for training — built
// and JIT-compiled once per input shape (the weight gradients, xᵀ·g, sum over
// the batch, so they are not batch-symbolic).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/jit_function.h"
#include "ir/function.h"
#include "lamina/model.h"

namespace lamina::detail {

struct Trainer {
  TrainingConfig config;
  std::string loss;                      // canonical
  std::vector<std::string> metric_names; // as given ("accuracy")
  std::vector<std::string> metrics;      // canonical ("categorical_accuracy")

  /// One step function: inputs (x, y); outputs loss, each metric, then (for
  /// training) the gradient of each param in `params`.
  struct Step {
    ir::Function function;
    std::shared_ptr<JitFunction> jit;
    std::vector<int> params;  // positions in function.params of the trained weights
  };
  std::map<std::pair<std::vector<Dims>, bool>, std::shared_ptr<Step>> steps;
  std::pair<size_t, const void*> graph{0, nullptr};  // the model graph the steps were built for
  std::map<const void*, int> slots;  // the optimizer's state slot of each weight's storage

  /// The step for these (x, y) dims; with gradients when `training`.
  Step& step(const Model::Impl& model, const Dims& x, const Dims& y, bool training);
  /// Runs a step on one batch: the loss and metrics (and, training, applies the optimizer).
  std::vector<double> run(const Model::Impl& model, const Tensor& x, const Tensor& y, bool training, Engine engine);
};

}  // namespace lamina::detail
