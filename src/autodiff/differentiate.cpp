// The reverse sweep: seed the loss's cotangent, visit the forward nodes from
// the loss back to the requested values, apply each node's derivative rule and
// sum the cotangents a value receives from all its uses.

#include "autodiff/differentiate.h"

#include <optional>

#include <fmt/format.h>

#include "autodiff/grad_rules.h"
#include "autodiff/paths.h"
#include "autodiff/prune.h"

namespace lamina::autodiff {

namespace {

/// The requested params' and inputs' nodes, each a float value that exists.
std::vector<Requested> requested_values(const ir::Function& f, const WithRespectTo& wrt) {
  std::vector<Requested> out;
  auto add = [&](const std::vector<int>& positions, const auto& infos, const char* what) {
    for (int k : positions) {
      if (k < 0 || static_cast<size_t>(k) >= infos.size())
        throw Error(ErrorKind::Value,
                    fmt::format("cannot differentiate with respect to {} #{}: the function has {} {}{}", what, k,
                                infos.size(), what, infos.size() == 1 ? "" : "s"));
      const auto& info = infos[static_cast<size_t>(k)];
      std::string name = fmt::format("{} '{}'", what, info.name);
      if (!is_float(info.type.dtype))
        throw Error(ErrorKind::Type,
                    fmt::format("{} is {}; only float values have gradients", name, dtype_name(info.type.dtype)), {},
                    "differentiate with respect to float params and inputs only");
      if (info.node < 0 || static_cast<size_t>(info.node) >= f.nodes.size())
        throw Error(ErrorKind::Internal, fmt::format("{} has no node in the function", name));
      out.push_back({info.node, name});
    }
  };
  add(wrt.params, f.params, "param");
  add(wrt.inputs, f.inputs, "input");
  return out;
}

ValueId check_loss(const ir::Function& f, int loss_output, Seed seed) {
  if (loss_output < 0 || static_cast<size_t>(loss_output) >= f.outputs.size())
    throw Error(ErrorKind::Value, fmt::format("the loss is output #{}, but the function has {} output{}", loss_output,
                                              f.outputs.size(), f.outputs.size() == 1 ? "" : "s"));
  ValueId loss = f.outputs[static_cast<size_t>(loss_output)];
  const ir::Type& t = f.type(loss);
  if (!is_float(t.dtype))
    throw Error(ErrorKind::Type, fmt::format("the loss (output #{}) is {}; only a float value has a gradient",
                                             loss_output, ir::format_type(t)));
  if (seed == Seed::One && t.rank() != 0)
    throw Error(ErrorKind::Shape,
                fmt::format("the loss (output #{}) has shape {}, but it must be a scalar", loss_output,
                            ir::format_shape(t.shape)),
                {}, "reduce it to one number, e.g. mean(...) or sum(...), or pass its cotangent as an input (Seed::Input)");
  return loss;
}

/// The loss's cotangent: 1, or a new input "d_loss".
ValueId seed_value(Emitter& e, ir::Function& out, ValueId loss, Seed seed) {
  const ir::Type t = out.type(loss);
  if (seed == Seed::One) return e.scalar(1, t.dtype);
  std::string name = "d_loss";
  for (bool taken = true; taken;) {
    taken = false;
    for (const ir::InputInfo& in : out.inputs) taken = taken || in.name == name;
    if (taken) name += "_";
  }
  ir::Attrs a;
  a.index = static_cast<int64_t>(out.inputs.size());
  a.dtype = t.dtype;
  a.shape = t.shape;
  ir::Type type = t;
  ValueId v = e.add(Op::Input, {}, std::move(a));
  out.inputs.push_back({name, type, v});
  return v;
}

void apply_rule(Emitter& e, Step& s) {
  switch (ir::op_group(s.node.op)) {
    case ir::OpGroup::Unary:
    case ir::OpGroup::Binary:
    case ir::OpGroup::Select:
    case ir::OpGroup::Cast: return grad_elementwise(e, s);
    case ir::OpGroup::Movement: return grad_movement(e, s);
    case ir::OpGroup::Reduce: return grad_reduce(e, s);
    case ir::OpGroup::Scan: return grad_scan(e, s);
    case ir::OpGroup::Contract: return grad_linalg(e, s);
    case ir::OpGroup::Gather:
    case ir::OpGroup::Sort:
    case ir::OpGroup::Scatter: return grad_gather(e, s);
    case ir::OpGroup::Leaf: return;
  }
}

class Sweep {
 public:
  Sweep(const ir::Function& f, ir::Function& out) : f_(f), out_(out), e_(f, out), ct_(f.nodes.size()) {}

  Emitter& emitter() { return e_; }
  std::optional<ValueId> cotangent(ValueId v) const { return ct_[static_cast<size_t>(v)]; }

  void run(ValueId loss, ValueId seed, const std::vector<bool>& paths) {
    if (!paths[static_cast<size_t>(loss)]) return;
    ct_[static_cast<size_t>(loss)] = seed;
    for (size_t v = static_cast<size_t>(loss) + 1; v-- > 0;) {
      if (!paths[v] || !ct_[v]) continue;
      const ir::Node& n = f_.nodes[v];
      Step s{static_cast<ValueId>(v), n, *ct_[v], {}, std::vector<std::optional<ValueId>>(n.inputs.size())};
      bool any = false;
      for (size_t i = 0; i < n.inputs.size(); ++i) {
        s.wanted.push_back(paths[static_cast<size_t>(n.inputs[i])] && flow_of(f_, n, i) == Flow::Smooth);
        any = any || s.wanted.back();
      }
      if (!any) continue;
      e_.locate(n.span);
      ValueId first = e_.next_id();
      apply_rule(e_, s);
      for (size_t i = 0; i < n.inputs.size(); ++i)
        if (s.given[i]) accumulate(n.inputs[i], fit(*s.given[i], n.inputs[i], first, s.g));
    }
  }

 private:
  /// c with x's exact type. A rule's result may carry other symbols for sizes
  /// known only at run time (a slice's length, ...), equal to x's when it runs:
  /// a node made by this step takes x's shape (the interpreter checks it at run
  /// time); a value made earlier is reshaped.
  ValueId fit(ValueId c, ValueId x, ValueId first, ValueId g) {
    const ir::Type want = out_.type(x);
    ir::Type& have = out_.nodes[static_cast<size_t>(c)].type;
    if (have == want) return c;
    bool same = have.dtype == want.dtype && have.rank() == want.rank();
    for (size_t k = 0; same && k < want.shape.size(); ++k) {
      Dim a = have.shape[k], b = want.shape[k];
      same = !a.known() || !b.known() || a == b;
    }
    if (!same)
      throw Error(ErrorKind::Internal,
                  fmt::format("the derivative of {} has type {} instead of {}", op_name(f_.node(x).op),
                              ir::format_type(have), ir::format_type(want)),
                  f_.node(x).span);
    if (c >= first && c != g) {
      have.shape = want.shape;
      return c;
    }
    return e_.reshape(c, want.shape);
  }

  void accumulate(ValueId x, ValueId c) {
    auto& slot = ct_[static_cast<size_t>(x)];
    slot = slot ? e_.binary(Op::Add, *slot, c) : c;
  }

  const ir::Function& f_;
  ir::Function& out_;
  Emitter e_;
  std::vector<std::optional<ValueId>> ct_;  // per forward value
};

}  // namespace

WithRespectTo WithRespectTo::trainable_params(const ir::Function& f) {
  WithRespectTo w;
  for (size_t i = 0; i < f.params.size(); ++i)
    if (f.params[i].trainable && is_float(f.params[i].type.dtype)) w.params.push_back(static_cast<int>(i));
  return w;
}

ir::Function differentiate(const ir::Function& f, int loss_output, const WithRespectTo& wrt, Seed seed) {
  ValueId loss = check_loss(f, loss_output, seed);
  std::vector<Requested> requested = requested_values(f, wrt);
  std::vector<bool> paths = gradient_paths(f, loss, requested);

  ir::Function out = f;
  Sweep sweep(f, out);
  Emitter& e = sweep.emitter();
  e.locate(f.node(loss).span);
  sweep.run(loss, seed_value(e, out, loss, seed), paths);

  for (const Requested& r : requested) {
    auto ct = sweep.cotangent(r.node);
    e.locate(f.node(r.node).span);
    out.outputs.push_back(ct ? *ct : e.zeros(f.type(r.node).shape, f.type(r.node).dtype));
  }
  prune_from(out, f.nodes.size());
  return out;
}

}  // namespace lamina::autodiff
