// Model::compile, fit and evaluate: checking x and y against the model,
// batching (shuffled from the seed), the epoch loop, logs and progress.

#include <cstring>
#include <iostream>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include "model/graph.h"
#include "train/losses.h"
#include "train/progress.h"
#include "train/trainer.h"

namespace lamina {

namespace {

/// A float32 copy of `y` shaped for the loss (class indices as (n,) for a sparse loss).
Tensor targets(const Model::Impl& m, const detail::Trainer& t, const Tensor& x, const Tensor& y, const char* which) {
  const Shape& out = m.outputs[0].shape();
  const int64_t n = x.rank() > 0 ? x.dims()[0] : 0;
  std::string y_name = std::string(which) == "validation" ? "validation y" : "y";
  if (y.rank() == 0 || y.dims()[0] != n)
    throw Error(ErrorKind::Value,
                fmt::format("{}: {} has {} samples but {} has {}", m.describe(), which == std::string("validation") ? "validation x" : "x", n, y_name,
                            y.rank() == 0 ? 0 : y.dims()[0]),
                {}, "x and y hold the same samples, one per row");
  Dims want;
  if (train::sparse_targets(t.loss)) {
    bool ok = out.size() == 2 && (y.rank() == 1 || (y.rank() == 2 && y.dims()[1] == 1));
    if (!ok)
      throw Error(ErrorKind::Shape,
                  fmt::format("{}: {} has shape {}, but {} takes class indices of shape ({},) or ({}, 1) for a model "
                              "output of shape (None, classes), and the output has shape {}",
                              m.describe(), y_name, format_dims(y.dims()), t.loss, n, n, format_shape(out)),
                  {}, "use categorical_crossentropy for one-hot targets");
    want = {n};
  } else {
    want = {n};
    bool ok = y.rank() == static_cast<int>(out.size());
    for (size_t d = 1; d < out.size(); ++d) {
      want.push_back(out[d] ? *out[d] : -1);
      ok = ok && (!out[d] || y.dims()[d] == *out[d]);
    }
    if (!ok)
      throw Error(ErrorKind::Shape,
                  fmt::format("{}: {} has shape {} but the model's output has shape {}", m.describe(), y_name,
                              format_dims(y.dims()), format_shape(out)),
                  {}, fmt::format("{} compares y with the output, so y needs one row per sample of the output's shape",
                                  t.loss));
    want = y.dims();
  }
  Tensor f = Tensor::uninitialized(DType::Float32, want);
  int64_t classes = out.size() == 2 && out[1] ? *out[1] : 0;
  for (int64_t i = 0; i < y.size(); ++i) {
    double v = y.get_f64(i);
    if (train::sparse_targets(t.loss) && !(v >= 0 && v < static_cast<double>(classes) && v == std::floor(v)))
      throw Error(ErrorKind::Value,
                  fmt::format("{}: {}[{}] = {} is not a class index in [0, {})", m.describe(), y_name, i, v, classes));
    f.data<float>()[i] = static_cast<float>(v);
  }
  return f;
}

/// Rows `order[begin, end)` of `t`, copied into a new tensor.
Tensor gather_rows(const Tensor& t, const std::vector<int64_t>& order, int64_t begin, int64_t end) {
  Dims d = t.dims();
  size_t row = d[0] == 0 ? 0 : t.nbytes() / static_cast<size_t>(d[0]);
  d[0] = end - begin;
  Tensor out = Tensor::uninitialized(t.dtype(), d);
  auto* dst = static_cast<char*>(out.raw());
  const auto* src = static_cast<const char*>(t.raw());
  for (int64_t i = begin; i < end; ++i)
    std::memcpy(dst + static_cast<size_t>(i - begin) * row, src + static_cast<size_t>(order[static_cast<size_t>(i)]) * row, row);
  return out;
}

detail::Trainer& trainer_of(const Model::Impl& m, const char* what) {
  if (!m.trainer)
    throw Error(ErrorKind::Value, fmt::format("{} must be compiled before {}", m.describe(), what), {},
                "call model.compile({.optimizer = lamina::optimizers::Adam(), .loss = \"mse\"}) first");
  return *m.trainer;
}

void check_model(Model::Impl& m, const Tensor& x, const char* what) {
  detail::build_on_first_use(m, {x});
  if (m.inputs.size() != 1 || m.outputs.size() != 1)
    throw Error(ErrorKind::Value,
                fmt::format("{}: {} supports models of one input and one output, this one has {} and {}",
                            m.describe(), what, m.inputs.size(), m.outputs.size()));
  m.check_inputs({x});
}

/// The loss and metrics over (x, y) in batches, weighted by batch size.
std::vector<double> run_epoch(Model::Impl& m, detail::Trainer& t, const Tensor& x, const Tensor& y,
                              const std::vector<int64_t>& order, int64_t batch_size, bool training, Engine engine,
                              train::Progress* progress, const std::vector<std::string>& names) {
  const int64_t n = x.dims()[0];
  std::vector<double> sums(1 + t.metrics.size(), 0.0);
  int64_t seen = 0, batch = 0;
  for (int64_t begin = 0; begin < n; begin += batch_size) {
    int64_t end = std::min(n, begin + batch_size);
    std::vector<double> v = t.run(m, gather_rows(x, order, begin, end), gather_rows(y, order, begin, end), training,
                                  engine);
    for (size_t i = 0; i < v.size(); ++i) sums[i] += v[i] * static_cast<double>(end - begin);
    seen += end - begin;
    ++batch;
    if (progress) {
      train::OrderedLogs running;
      for (size_t i = 0; i < sums.size(); ++i) running.emplace_back(names[i], sums[i] / static_cast<double>(seen));
      progress->update(batch, running);
    }
  }
  for (double& s : sums) s /= static_cast<double>(std::max<int64_t>(seen, 1));
  return sums;
}

std::vector<int64_t> identity(int64_t n) {
  std::vector<int64_t> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  return order;
}

}  // namespace

void Model::compile(TrainingConfig config) {
  auto t = std::make_shared<detail::Trainer>();
  if (config.loss.empty())
    throw Error(ErrorKind::Value, fmt::format("{}: compile needs a loss", impl->describe()), {},
                "for example .loss = \"mse\" or \"categorical_crossentropy\"");
  t->loss = train::canonical_loss(config.loss);
  for (const std::string& name : config.metrics) {
    t->metric_names.push_back(name);
    t->metrics.push_back(train::canonical_metric(name, t->loss));
  }
  config.optimizer.reset();
  t->config = std::move(config);
  impl->trainer = std::move(t);
}

History Model::fit(const Tensor& x_all, const Tensor& y_all, FitOptions o) {
  detail::Trainer& t = trainer_of(*impl, "fit");
  check_model(*impl, x_all, "fit");
  if (o.batch_size <= 0)
    throw Error(ErrorKind::Value, fmt::format("fit: batch_size must be positive, got {}", o.batch_size));
  if (o.validation_split < 0 || o.validation_split >= 1)
    throw Error(ErrorKind::Value, fmt::format("fit: validation_split must be in [0, 1), got {}", o.validation_split));
  Tensor y_f = targets(*impl, t, x_all, y_all, "training");

  // Keras holds out the last samples, before any shuffling.
  const int64_t n_all = x_all.dims()[0];
  int64_t n = o.validation_data ? n_all : static_cast<int64_t>(static_cast<double>(n_all) * (1 - o.validation_split));
  Tensor x = gather_rows(x_all, identity(n_all), 0, n), y = gather_rows(y_f, identity(n_all), 0, n);
  std::optional<std::pair<Tensor, Tensor>> val;
  if (o.validation_data) {
    impl->check_inputs({o.validation_data->first});
    val = {o.validation_data->first, targets(*impl, t, o.validation_data->first, o.validation_data->second, "validation")};
  } else if (n < n_all) {
    std::vector<int64_t> all = identity(n_all);
    val = {gather_rows(x_all, all, n, n_all), gather_rows(y_f, all, n, n_all)};
  }
  if (n == 0) throw Error(ErrorKind::Value, "fit: no training samples (x is empty, or validation_split leaves none)");

  std::vector<std::string> names{"loss"};
  names.insert(names.end(), t.metric_names.begin(), t.metric_names.end());
  std::ostream& out = o.output ? *o.output : std::cout;
  bool bar = o.verbose == 1 && train::is_terminal(out);
  const int64_t batches = (n + o.batch_size - 1) / o.batch_size;

  History h;
  std::mt19937_64 rng(o.seed);
  std::vector<int64_t> order = identity(n);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    if (o.shuffle)  // Fisher-Yates with our own draw, the same on every platform
      for (int64_t i = n - 1; i > 0; --i) std::swap(order[static_cast<size_t>(i)], order[rng() % static_cast<uint64_t>(i + 1)]);
    std::optional<train::Progress> progress;
    if (o.verbose > 0) progress.emplace(out, bar, epoch, o.epochs, batches);
    std::vector<double> v = run_epoch(*impl, t, x, y, order, o.batch_size, true, o.engine,
                                      progress ? &*progress : nullptr, names);
    train::OrderedLogs logs;
    for (size_t i = 0; i < v.size(); ++i) logs.emplace_back(names[i], v[i]);
    if (val) {
      std::vector<double> vv = run_epoch(*impl, t, val->first, val->second, identity(val->first.dims()[0]),
                                         o.batch_size, false, o.engine, nullptr, names);
      for (size_t i = 0; i < vv.size(); ++i) logs.emplace_back("val_" + names[i], vv[i]);
    }
    if (progress) progress->finish(logs);
    Logs map(logs.begin(), logs.end());
    for (const auto& [name, value] : logs) h.history[name].push_back(value);
    h.epochs = epoch + 1;
    if (o.on_epoch_end) o.on_epoch_end(epoch, map);
  }
  return h;
}

Logs Model::evaluate(const Tensor& x, const Tensor& y, int64_t batch_size, Engine engine) const {
  detail::Trainer& t = trainer_of(*impl, "evaluate");
  check_model(*impl, x, "evaluate");
  if (batch_size <= 0) throw Error(ErrorKind::Value, fmt::format("evaluate: batch_size must be positive, got {}", batch_size));
  Tensor y_f = targets(*impl, t, x, y, "training");
  std::vector<std::string> names{"loss"};
  names.insert(names.end(), t.metric_names.begin(), t.metric_names.end());
  std::vector<double> v = run_epoch(*impl, t, x, y_f, identity(x.dims()[0]), batch_size, false, engine, nullptr, names);
  Logs logs;
  for (size_t i = 0; i < v.size(); ++i) logs[names[i]] = v[i];
  return logs;
}

}  // namespace lamina
