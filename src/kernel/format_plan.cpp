// `lamina explain --emit loops`: a plan printed as the loop nests the JIT builds.

#include <fmt/format.h>

#include "kernel/kernel.h"

namespace lamina::kernel {
namespace {

std::string extent(int64_t d) { return d == kBatch ? std::string("batch") : std::to_string(d); }

std::string buffer_name(const Plan& p, int b) {
  const Buffer& buf = p.buffers[static_cast<size_t>(b)];
  const char* kind = "";
  switch (buf.kind) {
    case Buffer::Kind::Input: kind = "in"; break;
    case Buffer::Kind::Param: kind = "param"; break;
    case Buffer::Kind::Constant: kind = "const"; break;
    case Buffer::Kind::Output: kind = "out"; break;
    case Buffer::Kind::Temp: kind = "tmp"; break;
  }
  return fmt::format("{}{}", kind, buf.kind == Buffer::Kind::Temp ? b : buf.index);
}

std::string access(const std::vector<int64_t>& strides, int64_t offset) {
  std::string s;
  for (size_t i = 0; i < strides.size(); ++i) {
    if (strides[i] == 0) continue;
    if (!s.empty()) s += " + ";
    s += strides[i] == 1 ? fmt::format("i{}", i) : fmt::format("{}*i{}", strides[i], i);
  }
  if (offset != 0 || s.empty()) s += s.empty() ? std::to_string(offset) : fmt::format(" + {}", offset);
  return s;
}

std::string node_text(const Plan& p, const KNode& n, size_t id) {
  std::string rhs;
  auto args = [&] {
    std::vector<std::string> a;
    for (int x : n.args) a.push_back(fmt::format("v{}", x));
    return fmt::format("{}", fmt::join(a, ", "));
  };
  switch (n.kind) {
    case KNode::Kind::Load: rhs = fmt::format("{}[{}]", buffer_name(p, n.buffer), access(n.strides, n.offset)); break;
    case KNode::Kind::Const: rhs = fmt::format("{}", n.constant); break;
    case KNode::Kind::Index: rhs = fmt::format("index({})", access(n.strides, n.offset)); break;
    case KNode::Kind::Batch: rhs = "batch"; break;
    case KNode::Kind::RowValue: rhs = fmt::format("row_value(stage {})", n.stage); break;
    case KNode::Kind::Scratch: rhs = fmt::format("scratch{}[inner index]", n.buffer); break;
    case KNode::Kind::Unary:
    case KNode::Kind::Binary: rhs = fmt::format("{}({})", ir::op_name(n.op), args()); break;
    case KNode::Kind::Select: rhs = fmt::format("select({})", args()); break;
    case KNode::Kind::Cast: rhs = fmt::format("cast<{}>({})", dtype_name(n.dtype), args()); break;
  }
  return fmt::format("v{}: {} = {}", id, dtype_name(n.dtype), rhs);
}

/// A kernel's loop nests, each line prefixed by `indent`.
/// `loop`: how its rows are run ("parallel for" on its own, "for ... in the panel" as an epilogue).
std::string format_kernel(const Plan& p, const Kernel& k, const std::string& indent, const std::string& loop) {
  std::string out;
  std::vector<std::string> rows;
  for (size_t i = 0; i < k.rows.size(); ++i) rows.push_back(fmt::format("i{} < {}", i, extent(k.rows[i])));
  if (k.tile) rows.push_back(fmt::format("tile < ceil({} / {})", extent(k.tiled_extent), k.tile));
  out += fmt::format("{}  {} {}:\n", indent, loop,
                     rows.empty() ? std::string("one row") : fmt::format("{}", fmt::join(rows, ", ")));
  for (size_t s = 0; s < k.stages.size(); ++s) {
    const Stage& st = k.stages[s];
    std::string in = indent + "    ";
    out += fmt::format("{}stage {}: {}\n", in, s,
                       st.kind == Stage::Kind::Reduce ? fmt::format("{} over inner dims", ir::op_name(st.reduce))
                                                      : fmt::format("store to {}", buffer_name(p, st.out_buffer)));
    for (size_t d = 0; d < st.inner.size(); ++d) {
      size_t i = k.rows.size() + d;
      bool last = d + 1 == st.inner.size();
      std::string range = k.tile && last ? std::string("the tile") : fmt::format("{}..{}", st.inner_lo[d],
                                                                                st.inner[d] == kBatch ? std::string("batch") : std::to_string(st.inner_lo[d] + st.inner[d]));
      out += fmt::format("{}  for i{} in {}{}:\n", in, i, range, last ? "  (16 lanes)" : "");
      in += "  ";
    }
    for (size_t n = 0; n < st.nodes.size(); ++n) out += fmt::format("{}  {}\n", in, node_text(p, st.nodes[n], n));
    for (const auto& sp : st.spills) out += fmt::format("{}  scratch{}[inner index] = v{}\n", in, sp.scratch, sp.node);
    if (st.kind == Stage::Kind::Store)
      out += fmt::format("{}  {}[{}] = v{}\n", in, buffer_name(p, st.out_buffer), access(st.out_strides, st.out_offset), st.value);
    else
      out += fmt::format("{}  acc = {}(acc, v{})\n", in, ir::op_name(st.reduce), st.value);
  }
  return out;
}

std::string dims_text(const std::vector<int64_t>& dims) {
  std::vector<std::string> d;
  for (int64_t x : dims) d.push_back(extent(x));
  return fmt::format("({})", fmt::join(d, ", "));
}

/// A Gemm step: the product, how it is split, and its epilogue.
std::string format_gemm(const Plan& p, const Step& step) {
  const Gemm& g = step.gemm;
  const Buffer& result = p.buffers[static_cast<size_t>(step.output)];
  auto operand = [&](int b, bool trans) {
    return trans ? fmt::format("transpose({})", buffer_name(p, b)) : buffer_name(p, b);
  };
  std::string out = fmt::format("gemm %{}:  # -> {}", step.node, buffer_name(p, step.output));
  if (result.alias_of >= 0) out += fmt::format(" (in the memory of {})", buffer_name(p, result.alias_of));
  out += fmt::format("\n  {} {} = {} {} @ {} {}  ({}, Eigen)\n", buffer_name(p, step.output), dims_text(result.dims),
                     operand(step.inputs[0], g.trans_a), dims_text(g.a_dims), operand(step.inputs[1], g.trans_b),
                     dims_text(g.b_dims), dtype_name(result.dtype));
  out += "  parallel for panels of rows of the result (a fixed split by shape):\n";
  out += "    compute the panel's rows\n";
  if (g.epilogue < 0) return out + "\n";
  const Kernel& k = p.kernels[static_cast<size_t>(g.epilogue)];
  out += fmt::format("    epilogue {} on the panel's rows, while they are in cache:\n", k.name);
  return out + format_kernel(p, k, "    ", "for the panel's rows of") + "\n";
}

}  // namespace

std::string format_plan(const Plan& p, const ir::Function& f) {
  std::string out;
  for (const Step& step : p.steps) {
    if (step.kind == Step::Kind::Gemm) {
      out += format_gemm(p, step);
      continue;
    }
    if (step.kind == Step::Kind::Node) {
      const ir::Node& n = f.node(step.node);
      std::vector<std::string> ins;
      for (int b : step.inputs) ins.push_back(buffer_name(p, b));
      out += fmt::format("{} = {}({})  # reference kernel\n\n", buffer_name(p, step.output), ir::op_name(n.op),
                         fmt::join(ins, ", "));
      continue;
    }
    const Kernel& k = p.kernels[static_cast<size_t>(step.kernel)];
    out += fmt::format("kernel {}:  # -> {}\n", k.name, buffer_name(p, step.output));
    out += format_kernel(p, k, "", "parallel for") + "\n";
  }
  return out;
}

}  // namespace lamina::kernel
