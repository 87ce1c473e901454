// Reachability over the forward graph, and the error for a loss that depends on
// a requested value only through operations without a gradient.

#include "autodiff/paths.h"

#include <fmt/format.h>

#include "autodiff/grad_rules.h"

namespace lamina::autodiff {

namespace {

/// For each value, the (node, input position) pairs that read it.
using Uses = std::vector<std::vector<std::pair<ValueId, size_t>>>;

Uses uses_of(const ir::Function& f) {
  Uses uses(f.nodes.size());
  for (size_t id = 0; id < f.nodes.size(); ++id)
    for (size_t i = 0; i < f.nodes[id].inputs.size(); ++i)
      uses[static_cast<size_t>(f.nodes[id].inputs[i])].push_back({static_cast<ValueId>(id), i});
  return uses;
}

/// The values `from` reaches through uses that `follow` accepts.
template <class Follow>
std::vector<bool> reached(const ir::Function& f, const Uses& uses, ValueId from, Follow follow) {
  std::vector<bool> seen(f.nodes.size(), false);
  seen[static_cast<size_t>(from)] = true;
  for (size_t v = static_cast<size_t>(from); v < f.nodes.size(); ++v) {  // nodes are in topological order
    if (!seen[v]) continue;
    for (auto [user, i] : uses[v])
      if (follow(user, i)) seen[static_cast<size_t>(user)] = true;
  }
  return seen;
}

/// The values the loss depends on, the loss included.
std::vector<bool> needed_by(const ir::Function& f, ValueId loss) {
  std::vector<bool> needed(f.nodes.size(), false);
  needed[static_cast<size_t>(loss)] = true;
  for (size_t v = static_cast<size_t>(loss) + 1; v-- > 0;)
    if (needed[v])
      for (ValueId in : f.nodes[v].inputs) needed[static_cast<size_t>(in)] = true;
  return needed;
}

std::string describe(const ir::Node& n) {
  switch (n.op) {
    case Op::ArgMax: return "argmax";
    case Op::ArgMin: return "argmin";
    case Op::TopKIndices: return "the indices top_k returns";
    case Op::Cast: return fmt::format("a cast to {}", dtype_name(n.attrs.dtype));
    default: return std::string(op_name(n.op));
  }
}

std::string hint_for(const ir::Node& n) {
  switch (n.op) {
    case Op::ArgMax:
    case Op::ArgMin:
      return "an index has no gradient; use values instead, such as max(x), take_along_axis(x, i), or a soft "
             "choice like sum(softmax(x) * v)";
    case Op::TopKIndices: return "use the values top_k returns, or take_along_axis(x, indices), which have gradients";
    default:
      return "a value cast to an integer or bool is piecewise constant; keep it a float (floor(x) and round(x) "
             "stay float and have gradient 0)";
  }
}

[[noreturn]] void no_gradient(const ir::Function& f, const ir::Node& blocker, size_t others, const std::string& name) {
  std::string through = others == 0 ? "only through it"
                                     : fmt::format("only through it and {} other operation{} without one", others,
                                                   others == 1 ? "" : "s");
  Error e(ErrorKind::Gradient,
          fmt::format("{} has no gradient, and the loss depends on {} {}", describe(blocker), name, through),
          blocker.span, hint_for(blocker));
  if (!f.source.empty() && blocker.span.valid()) throw e.with_source(f.source);
  throw e;
}

}  // namespace

std::vector<bool> gradient_paths(const ir::Function& f, ValueId loss, const std::vector<Requested>& wrt) {
  Uses uses = uses_of(f);
  std::vector<bool> needed = needed_by(f, loss);
  std::vector<bool> paths(f.nodes.size(), false);
  for (const Requested& r : wrt) {
    auto smooth = [&](ValueId user, size_t i) {
      const ir::Node& n = f.node(user);
      return is_float(n.type.dtype) && flow_of(f, n, i) == Flow::Smooth;
    };
    std::vector<bool> diff = reached(f, uses, r.node, smooth);
    if (diff[static_cast<size_t>(loss)]) {
      for (size_t v = 0; v < paths.size(); ++v) paths[v] = paths[v] || (diff[v] && needed[v]);
      continue;
    }
    std::vector<bool> any = reached(f, uses, r.node, [](ValueId, size_t) { return true; });
    if (!any[static_cast<size_t>(loss)]) continue;  // independent: a zero gradient
    // The loss depends on r only through non-smooth flows: an error if one of them is severed.
    std::vector<ValueId> blockers;
    for (size_t v = 0; v < f.nodes.size(); ++v) {
      if (!any[v] || !needed[v]) continue;
      const ir::Node& n = f.nodes[v];
      for (size_t i = 0; i < n.inputs.size(); ++i)
        if (diff[static_cast<size_t>(n.inputs[i])] && flow_of(f, n, i) == Flow::Severed) {
          blockers.push_back(static_cast<ValueId>(v));
          break;
        }
    }
    if (!blockers.empty()) no_gradient(f, f.node(blockers[0]), blockers.size() - 1, r.name);
  }
  return paths;
}

}  // namespace lamina::autodiff
