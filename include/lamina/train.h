#pragma once
// Training a Model, Keras style: compile with an optimizer, a loss and
// metrics, then fit on (x, y) and evaluate.
//
// Example:
//   model.compile({.optimizer = lamina::optimizers::Adam({.learning_rate = 1e-2}),
//                  .loss = "sparse_categorical_crossentropy",
//                  .metrics = {"accuracy"}});
//   lamina::History h = model.fit(x, y, {.epochs = 20, .batch_size = 32, .validation_split = 0.2});
//   std::map<std::string, double> scores = model.evaluate(x, y);  // {"accuracy": ..., "loss": ...}
//
// Each training step is one IR function — the model, the loss and the
// gradient of the loss with respect to every trainable weight (see
// docs/gradients.md) — JIT-compiled once per batch size. The optimizer then
// updates the weights in place, so predict sees them. See docs/training.md.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "lamina/export.h"
#include "lamina/lambda.h"
#include "lamina/tensor.h"

namespace lamina {

namespace optimizers {

/// Keras' defaults throughout.
struct SGDOptions {
  double learning_rate = 0.01;
  double momentum = 0.0;
  bool nesterov = false;
};
struct AdamOptions {
  double learning_rate = 0.001;
  double beta_1 = 0.9;
  double beta_2 = 0.999;
  double epsilon = 1e-7;
};
struct RMSpropOptions {
  double learning_rate = 0.001;
  double rho = 0.9;
  double momentum = 0.0;
  double epsilon = 1e-7;
};

/// An update rule with its per-weight state (velocities, moments). A copy
/// shares the state; each compile() starts from fresh state.
class LAMINA_API Optimizer {
 public:
  struct Rule;
  explicit Optimizer(std::shared_ptr<const Rule> rule);
  /// "SGD", "Adam", "RMSprop".
  std::string name() const;

  /// One update of `weight` (float32 or float64) with `gradient` (same dtype
  /// and shape). `slot` names the weight's state: the same slot on the next
  /// call continues it. Steps are counted per slot (Adam's bias correction).
  void apply(int slot, Tensor& weight, const Tensor& gradient);
  /// Forgets all state (as a freshly made optimizer).
  void reset();

 private:
  struct State;
  std::shared_ptr<const Rule> rule_;
  std::shared_ptr<State> state_;
};

/// Keras SGD: v = momentum·v − lr·g; w += v (Nesterov: w += momentum·v − lr·g).
LAMINA_API Optimizer SGD(SGDOptions options = {});
/// Keras Adam: m, v moments; w −= lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε).
LAMINA_API Optimizer Adam(AdamOptions options = {});
/// Keras RMSprop: s = ρ·s + (1−ρ)·g²; w −= lr·g / √(s + ε) (with momentum: through a velocity).
LAMINA_API Optimizer RMSprop(RMSpropOptions options = {});

}  // namespace optimizers

/// What Model::compile takes.
struct TrainingConfig {
  optimizers::Optimizer optimizer = optimizers::RMSprop();
  /// "mse" (mean_squared_error), "mae" (mean_absolute_error), "binary_crossentropy",
  /// "categorical_crossentropy", "sparse_categorical_crossentropy".
  std::string loss;
  /// "accuracy" (binary, categorical or sparse, chosen by the loss, as Keras does)
  /// and any of the losses by name.
  std::vector<std::string> metrics;
};

/// The mean of each loss and metric over an epoch, by name ("loss", "accuracy",
/// "val_loss", "val_accuracy", ...).
using Logs = std::map<std::string, double>;

/// What Model::fit takes (Keras' fit arguments).
struct FitOptions {
  int epochs = 1;
  int64_t batch_size = 32;
  /// The last fraction of the samples (before shuffling) is held out for validation.
  double validation_split = 0.0;
  /// Or an explicit (x, y) for validation.
  std::optional<std::pair<Tensor, Tensor>> validation_data;
  /// Shuffles the training samples before each epoch, from `seed`.
  bool shuffle = true;
  uint64_t seed = 0;
  /// 0: silent; 1: a progress bar when the output is a terminal, else one line
  /// per epoch; 2: one line per epoch.
  int verbose = 1;
  /// Where progress goes (nullptr: stdout).
  std::ostream* output = nullptr;
  /// Called after each epoch with its 0-based index and logs.
  std::function<void(int epoch, const Logs& logs)> on_epoch_end;
  /// Engine::Interpreter runs the training step on the reference interpreter.
  Engine engine = Engine::Jit;
};

/// What fit returns: each log's value per epoch (Keras' History.history).
struct History {
  std::map<std::string, std::vector<double>> history;
  int epochs = 0;
};

}  // namespace lamina
