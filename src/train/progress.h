#pragma once
// Keras-style progress of one epoch: a bar redrawn after each batch with the
// ETA and the running logs when the output is a terminal, and one plain line
// at the end of the epoch otherwise (Keras' verbose=2):
//
//   Epoch 3/10
//   8/8 - 0.02s - loss: 0.4123 - accuracy: 0.8750 - val_loss: 0.4410 - val_accuracy: 0.8500

#include <chrono>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace lamina::train {

/// Logs in display order ("loss" first, then the metrics, then val_ ones).
using OrderedLogs = std::vector<std::pair<std::string, double>>;

/// "loss: 0.4123 - accuracy: 0.8750"
std::string format_logs(const OrderedLogs& logs);

class Progress {
 public:
  /// `bar`: redraw a bar after each batch (for a terminal).
  Progress(std::ostream& out, bool bar, int epoch, int epochs, int64_t batches);
  /// After batch `done` (1-based) with the running logs.
  void update(int64_t done, const OrderedLogs& logs);
  /// The epoch's final line.
  void finish(const OrderedLogs& logs);

 private:
  double seconds() const;
  std::string bar(int64_t done) const;
  std::ostream& out_;
  bool bar_;
  int64_t batches_;
  std::chrono::steady_clock::time_point start_;
};

/// Whether `out` is the process's stdout and that is a terminal.
bool is_terminal(const std::ostream& out);

}  // namespace lamina::train
