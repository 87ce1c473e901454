// Building and running the training and evaluation steps.

#include "train/trainer.h"

#include "autodiff/differentiate.h"
#include "interp/interpret.h"
#include "ir/builder.h"
#include "model/graph.h"
#include "train/losses.h"

namespace lamina::detail {

Trainer::Step& Trainer::step(const Model::Impl& model, const Dims& x, const Dims& y, bool training) {
  // A Sequential changed by add or pop since: its steps are stale.
  std::pair<size_t, const void*> now{model.nodes.size(), model.nodes.empty() ? nullptr : model.nodes.back().get()};
  if (now != graph) steps.clear();
  graph = now;
  auto key = std::make_pair(std::vector<Dims>{x, y}, training);
  if (auto it = steps.find(key); it != steps.end()) return *it->second;

  std::vector<Dims> concrete{x};
  ir::Function f = model.function(&concrete);
  ir::ValueId prediction = f.outputs.at(0);
  ir::Builder b(f);
  ir::Attrs a;
  a.index = static_cast<int64_t>(f.inputs.size());
  a.dtype = DType::Float32;
  a.shape = ir::to_shape(y);
  ir::ValueId target = b.add(ir::Op::Input, {}, a);
  f.inputs.push_back({"y_true", {DType::Float32, a.shape}, target});
  f.outputs = {train::emit_objective(b, loss, target, prediction)};
  for (const std::string& m : metrics) f.outputs.push_back(train::emit_objective(b, m, target, prediction));

  auto s = std::make_shared<Step>();
  if (training) {
    autodiff::WithRespectTo wrt = autodiff::WithRespectTo::trainable_params(f);
    s->params = wrt.params;
    s->function = autodiff::differentiate(f, 0, wrt);
  } else {
    s->function = std::move(f);
  }
  ir::Function copy = s->function;
  s->jit = std::make_shared<JitFunction>(s->function, [copy](const std::vector<Dims>&) { return copy; });
  steps[key] = s;
  return *s;
}

std::vector<double> Trainer::run(const Model::Impl& model, const Tensor& x, const Tensor& y, bool training,
                                 Engine engine) {
  Step& s = step(model, x.dims(), y.dims(), training);
  std::vector<Tensor> out = engine == Engine::Interpreter ? interpret(s.function, {x, y}) : s.jit->run({x, y});
  size_t objectives = 1 + metrics.size();
  std::vector<double> values;
  for (size_t i = 0; i < objectives; ++i) values.push_back(out[i].get_f64(0));
  if (training) {
    for (size_t k = 0; k < s.params.size(); ++k) {
      Tensor weight = s.function.params[static_cast<size_t>(s.params[k])].init;  // shares the weight's storage
      auto [it, added] = slots.emplace(weight.raw(), static_cast<int>(slots.size()));
      config.optimizer.apply(it->second, weight, out[objectives + k]);
    }
  }
  return values;
}

}  // namespace lamina::detail
