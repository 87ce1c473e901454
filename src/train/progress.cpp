// The per-epoch progress line and bar.

#include "train/progress.h"

#include <iostream>

#include <fmt/format.h>
#include <unistd.h>

namespace lamina::train {

std::string format_logs(const OrderedLogs& logs) {
  std::string s;
  for (const auto& [name, value] : logs) s += fmt::format("{}{}: {:.4f}", s.empty() ? "" : " - ", name, value);
  return s;
}

bool is_terminal(const std::ostream& out) { return &out == &std::cout && isatty(STDOUT_FILENO); }

Progress::Progress(std::ostream& out, bool bar, int epoch, int epochs, int64_t batches)
    : out_(out), bar_(bar), batches_(batches), start_(std::chrono::steady_clock::now()) {
  out_ << fmt::format("Epoch {}/{}\n", epoch + 1, epochs);
  out_.flush();
}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Progress::bar(int64_t done) const {
  constexpr int64_t kWidth = 30;
  int64_t filled = batches_ == 0 ? kWidth : done * kWidth / batches_;
  std::string b(static_cast<size_t>(filled), '=');
  if (filled < kWidth) b += '>' + std::string(static_cast<size_t>(kWidth - filled - 1), '.');
  int digits = static_cast<int>(std::to_string(batches_).size());
  return fmt::format("{:>{}}/{} [{}]", done, digits, batches_, b);
}

void Progress::update(int64_t done, const OrderedLogs& logs) {
  if (!bar_ || done >= batches_) return;
  double eta = seconds() / static_cast<double>(done) * static_cast<double>(batches_ - done);
  out_ << fmt::format("\r{} - ETA: {:.0f}s - {}\x1b[K", bar(done), eta, format_logs(logs));
  out_.flush();
}

void Progress::finish(const OrderedLogs& logs) {
  double s = seconds();
  double per_step = batches_ > 0 ? s / static_cast<double>(batches_) * 1e3 : 0;
  if (bar_)
    out_ << fmt::format("\r{} - {:.0f}s {:.0f}ms/step - {}\x1b[K\n", bar(batches_), s, per_step, format_logs(logs));
  else
    out_ << fmt::format("{}/{} - {:.2f}s - {}\n", batches_, batches_, s, format_logs(logs));
  out_.flush();
}

}  // namespace lamina::train
