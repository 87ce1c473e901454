// Dead-code removal after the backward pass is built.

#include "autodiff/prune.h"

namespace lamina::autodiff {

void prune_from(ir::Function& f, size_t first) {
  std::vector<bool> live(f.nodes.size(), false);
  for (ir::ValueId v : f.outputs) live[static_cast<size_t>(v)] = true;
  for (size_t v = f.nodes.size(); v-- > 0;) {
    if (v < first || f.nodes[v].op == ir::Op::Input) live[v] = true;
    if (live[v])
      for (ir::ValueId in : f.nodes[v].inputs) live[static_cast<size_t>(in)] = true;
  }
  std::vector<ir::ValueId> renumbered(f.nodes.size(), -1);
  std::vector<ir::Node> kept;
  kept.reserve(f.nodes.size());
  for (size_t v = 0; v < f.nodes.size(); ++v) {
    if (!live[v]) continue;
    renumbered[v] = static_cast<ir::ValueId>(kept.size());
    kept.push_back(std::move(f.nodes[v]));
    for (ir::ValueId& in : kept.back().inputs) in = renumbered[static_cast<size_t>(in)];
  }
  f.nodes = std::move(kept);
  for (ir::ValueId& v : f.outputs) v = renumbered[static_cast<size_t>(v)];
  for (ir::InputInfo& in : f.inputs)
    if (in.node >= 0) in.node = renumbered[static_cast<size_t>(in.node)];
  for (ir::ParamInfo& p : f.params)
    if (p.node >= 0) p.node = renumbered[static_cast<size_t>(p.node)];
}

}  // namespace lamina::autodiff
