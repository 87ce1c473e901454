// Keras' losses and accuracy metrics, built as IR.

#include "train/losses.h"

#include <fmt/format.h>

#include "core/did_you_mean.h"

namespace lamina::train {

namespace {

using ir::Op;
using ir::ValueId;

constexpr double kEpsilon = 1e-7;  // Keras' backend.epsilon(), the clipping bound

const std::vector<std::pair<std::string, std::string>> kLossAliases = {
    {"mean_squared_error", "mean_squared_error"},
    {"mse", "mean_squared_error"},
    {"mean_absolute_error", "mean_absolute_error"},
    {"mae", "mean_absolute_error"},
    {"binary_crossentropy", "binary_crossentropy"},
    {"categorical_crossentropy", "categorical_crossentropy"},
    {"sparse_categorical_crossentropy", "sparse_categorical_crossentropy"},
};

std::vector<std::string> names_of(const std::vector<std::pair<std::string, std::string>>& aliases) {
  std::vector<std::string> out;
  for (const auto& [alias, canonical] : aliases) out.push_back(alias);
  return out;
}

ValueId scalar(ir::Builder& b, double v, DType dtype) {
  return dtype == DType::Float64 ? b.constant(Tensor::scalar(DType::Float64, v))
                                 : b.constant(Tensor::scalar(DType::Float32, static_cast<float>(v)));
}

int64_t known(const ir::Dim& d) {
  if (!d.known()) throw Error(ErrorKind::Shape, "training needs every size of the model's output known");
  return d.value();
}

/// Sum over `axes`, divided by their element count (all sizes known).
ValueId mean(ir::Builder& b, ValueId x, std::vector<int64_t> axes) {
  if (axes.empty()) return x;
  int64_t count = 1;
  for (int64_t a : axes) count *= known(b.type(x).shape[static_cast<size_t>(a)]);
  DType dtype = b.type(x).dtype;
  ir::Attrs attrs;
  attrs.axes = std::move(axes);
  ValueId sum = b.add(Op::ReduceSum, {x}, attrs);
  return b.binary(Op::Div, sum, scalar(b, static_cast<double>(count), dtype));
}

/// Mean over every axis but the batch.
ValueId mean_per_sample(ir::Builder& b, ValueId x) {
  std::vector<int64_t> axes;
  for (int a = 1; a < b.type(x).rank(); ++a) axes.push_back(a);
  return mean(b, x, axes);
}

ValueId clip(ir::Builder& b, ValueId x, double lo, double hi) {
  DType dtype = b.type(x).dtype;
  return b.binary(Op::Min, b.binary(Op::Max, x, scalar(b, lo, dtype)), scalar(b, hi, dtype));
}

int64_t last_axis(ir::Builder& b, ValueId x) { return b.type(x).rank() - 1; }

/// Class indices (batch,) as a one-hot (batch, classes) float of `dtype`.
ValueId one_hot(ir::Builder& b, ValueId labels, int64_t classes, DType dtype) {
  ir::Shape shape = b.type(labels).shape;
  ir::Attrs col;
  col.shape = {shape[0], 1};
  ValueId column = b.add(Op::Reshape, {labels}, col);
  ir::Attrs iota;
  iota.shape = {classes};
  iota.axis = 0;
  iota.dtype = b.type(labels).dtype;
  ValueId hot = b.binary(Op::Eq, column, b.add(Op::Iota, {}, iota));
  return b.cast(hot, dtype);
}

/// Keras categorical crossentropy per sample: p normalised to sum 1, clipped, −Σ t·log p.
ValueId categorical_crossentropy(ir::Builder& b, ValueId t, ValueId p) {
  DType dtype = b.type(p).dtype;
  ir::Attrs keep;
  keep.axes = {last_axis(b, p)};
  keep.keepdims = true;
  ValueId norm = b.binary(Op::Div, p, b.add(Op::ReduceSum, {p}, keep));
  ValueId logp = b.unary(Op::Log, clip(b, norm, kEpsilon, 1 - kEpsilon));
  ir::Attrs sum;
  sum.axes = {last_axis(b, p)};
  return b.unary(Op::Neg, b.add(Op::ReduceSum, {b.binary(Op::Mul, b.cast(t, dtype), logp)}, sum));
}

ValueId batch_mean(ir::Builder& b, ValueId per_sample) { return mean(b, per_sample, {0}); }

ValueId argmax_last(ir::Builder& b, ValueId x) {
  ir::Attrs a;
  a.axis = last_axis(b, x);
  return b.add(Op::ArgMax, {x}, a);
}

}  // namespace

std::string canonical_loss(const std::string& name, const char* what) {
  for (const auto& [alias, canonical] : kLossAliases)
    if (alias == name) return canonical;
  std::vector<std::string> candidates = names_of(kLossAliases);
  if (std::string(what) == "metric") candidates.push_back("accuracy");
  std::optional<std::string> guess = did_you_mean(name, candidates);
  std::string hint = guess ? fmt::format("did you mean '{}'?", *guess)
                           : fmt::format("the {}es are: {}", what, fmt::join(candidates, ", "));
  if (std::string(what) == "metric" && !guess) hint = fmt::format("the metrics are: {}", fmt::join(candidates, ", "));
  throw Error(ErrorKind::Value, fmt::format("unknown {} '{}'", what, name), {}, hint);
}

std::string canonical_metric(const std::string& name, const std::string& loss) {
  if (name == "accuracy" || name == "acc") {
    if (loss == "binary_crossentropy") return "binary_accuracy";
    if (loss == "sparse_categorical_crossentropy") return "sparse_categorical_accuracy";
    return "categorical_accuracy";
  }
  return canonical_loss(name, "metric");
}

bool sparse_targets(const std::string& loss) { return loss.rfind("sparse_", 0) == 0; }

ValueId emit_objective(ir::Builder& b, const std::string& name, ValueId t, ValueId p) {
  DType dtype = b.type(p).dtype;
  if (name == "mean_squared_error" || name == "mean_absolute_error") {
    ValueId d = b.binary(Op::Sub, p, b.cast(t, dtype));
    ValueId e = name == "mean_squared_error" ? b.binary(Op::Mul, d, d) : b.unary(Op::Abs, d);
    return batch_mean(b, mean_per_sample(b, e));
  }
  if (name == "binary_crossentropy") {
    ValueId y = b.cast(t, dtype);
    ValueId c = clip(b, p, kEpsilon, 1 - kEpsilon);
    ValueId eps = scalar(b, kEpsilon, dtype), one = scalar(b, 1, dtype);
    ValueId pos = b.binary(Op::Mul, y, b.unary(Op::Log, b.binary(Op::Add, c, eps)));
    ValueId neg = b.binary(Op::Mul, b.binary(Op::Sub, one, y),
                           b.unary(Op::Log, b.binary(Op::Add, b.binary(Op::Sub, one, c), eps)));
    return batch_mean(b, mean_per_sample(b, b.unary(Op::Neg, b.binary(Op::Add, pos, neg))));
  }
  if (name == "categorical_crossentropy") return batch_mean(b, categorical_crossentropy(b, t, p));
  if (name == "sparse_categorical_crossentropy") {
    int64_t classes = known(b.type(p).shape.back());
    return batch_mean(b, categorical_crossentropy(b, one_hot(b, t, classes, dtype), p));
  }
  if (name == "binary_accuracy") {
    ValueId predicted = b.cast(b.binary(Op::Gt, p, scalar(b, 0.5, dtype)), dtype);
    ValueId right = b.cast(b.binary(Op::Eq, predicted, b.cast(t, dtype)), dtype);
    return batch_mean(b, mean_per_sample(b, right));
  }
  if (name == "categorical_accuracy") {
    ValueId right = b.binary(Op::Eq, argmax_last(b, p), argmax_last(b, b.cast(t, dtype)));
    return batch_mean(b, b.cast(right, dtype));
  }
  if (name == "sparse_categorical_accuracy") {
    ValueId right = b.binary(Op::Eq, b.cast(argmax_last(b, p), b.type(t).dtype), t);
    return batch_mean(b, b.cast(right, dtype));
  }
  throw Error(ErrorKind::Value, fmt::format("unknown loss or metric '{}'", name));
}

}  // namespace lamina::train
