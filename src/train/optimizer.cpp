// The optimizers' update rules (Keras' formulas and defaults), applied in
// double precision to float32 or float64 weights in place.

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "lamina/error.h"
#include "lamina/train.h"

namespace lamina::optimizers {

/// One rule: how a weight element and its state move given a gradient element.
/// `slots` is the number of state values per element; `step` counts from 1.
struct Optimizer::Rule {
  std::string name;
  int slots = 0;
  std::function<double(double w, double g, double* state, int64_t step)> update;
};

struct Optimizer::State {
  struct Slot {
    std::vector<double> values;  // rule.slots per element
    int64_t step = 0;
  };
  std::map<int, Slot> slots;
};

Optimizer::Optimizer(std::shared_ptr<const Rule> rule) : rule_(std::move(rule)), state_(std::make_shared<State>()) {}

std::string Optimizer::name() const { return rule_->name; }

void Optimizer::reset() { state_->slots.clear(); }

void Optimizer::apply(int slot, Tensor& weight, const Tensor& gradient) {
  if (weight.dtype() != gradient.dtype() || weight.dims() != gradient.dims())
    throw Error(ErrorKind::Value, fmt::format("{}: the gradient ({} {}) does not match the weight ({} {})", rule_->name,
                                              dtype_name(gradient.dtype()), format_dims(gradient.dims()),
                                              dtype_name(weight.dtype()), format_dims(weight.dims())));
  if (weight.dtype() != DType::Float32 && weight.dtype() != DType::Float64)
    throw Error(ErrorKind::Type, fmt::format("{} updates float32 or float64 weights, got {}", rule_->name,
                                             dtype_name(weight.dtype())));
  const int64_t n = weight.size();
  State::Slot& s = state_->slots[slot];
  if (s.values.size() != static_cast<size_t>(n * rule_->slots)) s = {std::vector<double>(n * rule_->slots, 0.0), 0};
  ++s.step;
  auto run = [&](auto* w, const auto* g) {
    for (int64_t i = 0; i < n; ++i)
      w[i] = static_cast<std::remove_reference_t<decltype(w[i])>>(
          rule_->update(w[i], g[i], s.values.data() + i * rule_->slots, s.step));
  };
  if (weight.dtype() == DType::Float32) run(weight.data<float>(), gradient.data<float>());
  else run(weight.data<double>(), gradient.data<double>());
}

Optimizer SGD(SGDOptions o) {
  auto rule = std::make_shared<Optimizer::Rule>();
  rule->name = "SGD";
  rule->slots = 1;
  rule->update = [o](double w, double g, double* v, int64_t) {
    if (o.momentum == 0) return w - o.learning_rate * g;
    v[0] = o.momentum * v[0] - o.learning_rate * g;
    return o.nesterov ? w + o.momentum * v[0] - o.learning_rate * g : w + v[0];
  };
  return Optimizer(rule);
}

Optimizer Adam(AdamOptions o) {
  auto rule = std::make_shared<Optimizer::Rule>();
  rule->name = "Adam";
  rule->slots = 2;
  rule->update = [o](double w, double g, double* mv, int64_t t) {
    double alpha = o.learning_rate * std::sqrt(1 - std::pow(o.beta_2, static_cast<double>(t))) /
                   (1 - std::pow(o.beta_1, static_cast<double>(t)));
    mv[0] += (g - mv[0]) * (1 - o.beta_1);
    mv[1] += (g * g - mv[1]) * (1 - o.beta_2);
    return w - alpha * mv[0] / (std::sqrt(mv[1]) + o.epsilon);
  };
  return Optimizer(rule);
}

Optimizer RMSprop(RMSpropOptions o) {
  auto rule = std::make_shared<Optimizer::Rule>();
  rule->name = "RMSprop";
  rule->slots = 2;
  rule->update = [o](double w, double g, double* s, int64_t) {
    s[0] = o.rho * s[0] + (1 - o.rho) * g * g;
    double increment = o.learning_rate * g / std::sqrt(s[0] + o.epsilon);
    if (o.momentum == 0) return w - increment;
    s[1] = o.momentum * s[1] + increment;
    return w - s[1];
  };
  return Optimizer(rule);
}

}  // namespace lamina::optimizers
