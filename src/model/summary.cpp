// model.summary() in the Keras 2 layout: a table of layers with their output
// shapes, parameter counts and (for graphs that are not a plain chain) the
// layer outputs each one is connected to, then the parameter totals.

#include <fmt/format.h>

#include <map>
#include <set>

#include "model/graph.h"

namespace lamina {

namespace {

/// Keras' print_row: each field is cut to its column (2 spaces between
/// columns) and continues on the next line, breaking after "),", "],", "',".
void print_row(std::string& out, std::vector<std::string> fields, const std::vector<int>& positions) {
  auto any_left = [&] {
    for (const auto& f : fields)
      if (!f.empty()) return true;
    return false;
  };
  while (any_left()) {
    std::string line;
    for (size_t col = 0; col < fields.size(); ++col) {
      int start = col > 0 ? positions[col - 1] : 0;
      int space = col + 1 != positions.size() ? 2 : 0;
      size_t cutoff = static_cast<size_t>(std::max(0, positions[col] - start - space));
      std::string fit = fields[col].substr(0, cutoff);
      size_t best = std::string::npos;
      for (const char* brk : {"),", "},", "],", "',"}) {
        size_t at = fit.find(brk);
        if (at != std::string::npos) best = std::min(best, at + 2);
      }
      if (best != std::string::npos) {
        cutoff = best;
        fit = fit.substr(0, cutoff);
      }
      if (col == 0) line += " ";
      line += fit;
      line += std::string(static_cast<size_t>(space), ' ');
      fields[col] = cutoff < fields[col].size() ? fields[col].substr(cutoff) : std::string();
      if (static_cast<int>(line.size()) < positions[col]) line += std::string(positions[col] - line.size(), ' ');
    }
    out += line + "\n";
  }
}

std::string with_commas(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

/// Python's repr of a list of strings: ['a', 'b'].
std::string python_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& s : items) quoted.push_back("'" + s + "'");
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

/// A chain of single-input layers, each called once: Keras prints it without connections.
bool sequential_like(const Model::Impl& m) {
  if (m.sequential) return true;
  if (m.inputs.size() != 1 || m.outputs.size() != 1) return false;
  std::set<const detail::LayerImpl*> seen;
  const detail::GraphNode* previous = nullptr;
  for (const auto& node : m.nodes) {
    if (!seen.insert(node->layer.get()).second) return false;
    if (node->is_input()) {
      previous = node.get();
      continue;
    }
    if (node->inputs.size() != 1 || node->inputs[0].node.get() != previous) return false;
    previous = node.get();
  }
  return true;
}

}  // namespace

std::string Model::summary(int line_length) const {
  impl->require_graph("summary");
  const Impl& m = *impl;
  bool chain = sequential_like(m);
  if (line_length <= 0) line_length = chain ? 65 : 98;
  std::vector<double> fractions = chain ? std::vector<double>{0.45, 0.85, 1.0} : std::vector<double>{0.33, 0.55, 0.67, 1.0};
  std::vector<int> positions;
  for (double f : fractions) positions.push_back(static_cast<int>(line_length * f));
  std::vector<std::string> header = {"Layer (type)", "Output Shape", "Param #"};
  if (!chain) header.push_back("Connected to");

  // Each layer's calls in this model.
  std::map<const detail::LayerImpl*, std::vector<const detail::GraphNode*>> calls;
  for (const auto& node : m.nodes) calls[node->layer.get()].push_back(node.get());

  std::string out = fmt::format("Model: \"{}\"\n", m.name);
  out += std::string(static_cast<size_t>(line_length), '_') + "\n";
  print_row(out, header, positions);
  out += std::string(static_cast<size_t>(line_length), '=') + "\n";
  for (const Layer& layer : layers()) {
    const auto& nodes = calls[layer.impl.get()];
    // The output shape, or "multiple" when the calls give different shapes (Keras).
    std::string shape = "multiple";
    std::vector<std::string> shapes;
    for (const auto& spec : nodes.empty() ? std::vector<detail::TensorSpec>{} : nodes[0]->outputs)
      shapes.push_back(format_shape(spec.shape));
    bool same = !nodes.empty();
    for (const auto* n : nodes)
      for (size_t i = 0; i < n->outputs.size() && same; ++i)
        same = n->outputs.size() == shapes.size() && format_shape(n->outputs[i].shape) == shapes[i];
    if (same) {
      bool listed = shapes.size() != 1 || nodes[0]->is_input();  // Keras shows an InputLayer's shape as a list
      shape = listed ? fmt::format("[{}]", fmt::join(shapes, ", ")) : shapes[0];
    }
    std::vector<std::string> fields = {fmt::format("{} ({})", layer.name(), layer.class_name()), shape,
                                       with_commas(layer.count_params())};
    if (!chain) {
      std::vector<std::string> connections;
      for (const auto* n : nodes)
        for (const SymbolicTensor& t : n->inputs) connections.push_back(t.producer());
      fields.push_back(python_list(connections));
    }
    print_row(out, fields, positions);
    out += std::string(static_cast<size_t>(line_length), ' ') + "\n";
  }
  out += std::string(static_cast<size_t>(line_length), '=') + "\n";
  int64_t trainable = 0, total = 0;
  for (const Weight& w : weights()) {
    total += w.value.size();
    if (w.trainable) trainable += w.value.size();
  }
  out += fmt::format("Total params: {}\n", with_commas(total));
  out += fmt::format("Trainable params: {}\n", with_commas(trainable));
  out += fmt::format("Non-trainable params: {}\n", with_commas(total - trainable));
  out += std::string(static_cast<size_t>(line_length), '_') + "\n";
  return out;
}

}  // namespace lamina
