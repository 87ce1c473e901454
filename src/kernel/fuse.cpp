// Fusion: inline every elementwise and data-movement op into the kernels that
// consume it, fold reductions over trailing axes into per-row stages, and
// materialise only what must live in memory (inputs, outputs, the operands of
// non-fusable ops).

#include "kernel/fuse.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "kernel/epilogue.h"

namespace lamina::kernel {

using ir::Op;
using ir::OpGroup;
using ir::ValueId;

namespace {

constexpr int64_t kTile = 4096;  // elements per row of a tiled pointwise kernel

std::vector<int64_t> dims_of(const ir::Shape& s) {
  std::vector<int64_t> d;
  for (ir::Dim x : s) d.push_back(x.known() ? x.value() : kBatch);
  return d;
}

bool is_batch(ir::Dim d) { return !d.known() && d.symbol_id() == 0; }

bool is_reduce_fold(Op op) {
  return op == Op::ReduceSum || op == Op::ReduceProd || op == Op::ReduceMax || op == Op::ReduceMin ||
         op == Op::ReduceAny || op == Op::ReduceAll;
}

/// A reshape that only inserts or removes size-1 dims (a re-indexing, no data movement).
bool unit_reshape(const ir::Shape& in, const ir::Shape& out) {
  ir::Shape a, b;
  for (ir::Dim d : in)
    if (d != ir::Dim(1)) a.push_back(d);
  for (ir::Dim d : out)
    if (d != ir::Dim(1)) b.push_back(d);
  return a == b;
}

/// Ops the kernels compute inline.
bool inlinable(const ir::Function& f, const ir::Node& n) {
  switch (ir::op_group(n.op)) {
    case OpGroup::Unary:
    case OpGroup::Select:
    case OpGroup::Cast: return true;
    case OpGroup::Binary:
      // Integer powers stay in the reference kernels.
      return !(n.op == Op::Pow && !is_float(n.type.dtype));
    case OpGroup::Movement:
      if (n.op == Op::Reshape) return unit_reshape(f.type(n.inputs[0]).shape, n.type.shape);
      return n.op != Op::Pad;
    case OpGroup::Leaf:
      return n.op == Op::Iota || n.op == Op::DimSize || (n.op == Op::Constant && n.attrs.value.size() == 1);
    default: return false;
  }
}

/// node index = M · iteration index + c
struct IndexMap {
  std::vector<std::vector<int64_t>> m;
  std::vector<int64_t> c;
  bool operator<(const IndexMap& o) const { return std::tie(m, c) < std::tie(o.m, o.c); }
};

IndexMap identity(size_t n) {
  IndexMap map;
  map.m.assign(n, std::vector<int64_t>(n, 0));
  map.c.assign(n, 0);
  for (size_t i = 0; i < n; ++i) map.m[i][i] = 1;
  return map;
}

/// The map of an operand of shape `in` broadcast (NumPy, right-aligned) to the value's map.
IndexMap broadcast_map(const IndexMap& out, const ir::Shape& in, const ir::Shape& out_shape) {
  IndexMap r;
  size_t shift = out_shape.size() - in.size();
  size_t n_it = out.m.empty() ? 0 : out.m[0].size();
  for (size_t d = 0; d < in.size(); ++d) {
    if (in[d] == ir::Dim(1) && out_shape[d + shift] != ir::Dim(1)) {
      r.m.push_back(std::vector<int64_t>(n_it, 0));
      r.c.push_back(0);
    } else {
      r.m.push_back(out.m[d + shift]);
      r.c.push_back(out.c[d + shift]);
    }
  }
  return r;
}

struct Rematerialize {
  ValueId value;
};
struct SplitStage {
  size_t iter_dim;
  int64_t at;
};

class Planner {
 public:
  explicit Planner(const ir::Function& f) : f_(f) {}

  Plan run() {
    mark_required();
    for (;;) {
      try {
        return build();
      } catch (const Rematerialize& r) {
        // First store the value in memory; if even its own kernel cannot compute it
        // (a concatenation along a row dim), evaluate it with the reference kernels.
        if (!materialized_.insert(r.value).second) {
          if (!reference_.insert(r.value).second)
            throw Error(ErrorKind::Internal, fmt::format("the fusion planner cannot place %{}", r.value), {},
                        "this is a bug in Lamina's JIT; --engine interp runs the lambda without it");
          for (ValueId in : f_.node(r.value).inputs) materialized_.insert(in);
        }
      }
    }
  }

 private:
  const ir::Function& f_;
  std::set<ValueId> materialized_;
  std::set<ValueId> reference_;  // computed by single-node reference steps
  // per build
  Plan plan_;
  std::map<ValueId, int> buffer_of_;

  void mark_required() {
    for (size_t i = 0; i < f_.nodes.size(); ++i) {
      const ir::Node& n = f_.nodes[i];
      ValueId id = static_cast<ValueId>(i);
      if (n.op == Op::Input || n.op == Op::Param || n.op == Op::Constant) {
        if (!inlinable(f_, n)) materialized_.insert(id);
      } else if (is_gemm(n)) {
        materialized_.insert(id);
        for (ValueId in : n.inputs) materialized_.insert(gemm_operand(in).source);
      } else if (!inlinable(f_, n) && !is_reduce_fold(n.op)) {
        materialized_.insert(id);
        for (ValueId in : n.inputs) materialized_.insert(in);
      }
    }
    for (ValueId out : f_.outputs) materialized_.insert(out);
  }

  int add_buffer(Buffer b) {
    plan_.buffers.push_back(std::move(b));
    return static_cast<int>(plan_.buffers.size() - 1);
  }

  Plan build() {
    plan_ = Plan{};
    buffer_of_.clear();
    // Buffers for every materialised value, in IR order (which is also execution order).
    for (ValueId v : materialized_) {
      const ir::Node& n = f_.node(v);
      Buffer b{Buffer::Kind::Temp, 0, n.type.dtype, dims_of(n.type.shape), v, -1};
      if (n.op == Op::Input) {
        b.kind = Buffer::Kind::Input;
        b.index = static_cast<int>(n.attrs.index);
      } else if (n.op == Op::Param) {
        b.kind = Buffer::Kind::Param;
        b.index = static_cast<int>(n.attrs.index);
      } else if (n.op == Op::Constant) {
        b.kind = Buffer::Kind::Constant;
        b.index = static_cast<int>(plan_.constants.size());
        plan_.constants.push_back(n.attrs.value);
      }
      buffer_of_[v] = add_buffer(b);
    }
    for (ValueId v : materialized_) {
      const ir::Node& n = f_.node(v);
      if (n.op == Op::Input || n.op == Op::Param || n.op == Op::Constant) continue;
      if ((inlinable(f_, n) || is_reduce_fold(n.op)) && !reference_.count(v)) {
        plan_.kernels.push_back(build_kernel(v));
        plan_.steps.push_back({Step::Kind::Kernel, static_cast<int>(plan_.kernels.size() - 1), v, {}, buffer_of_[v], {}});
      } else if (is_gemm(n)) {
        plan_.steps.push_back(gemm_step(v));
      } else {
        Step s{Step::Kind::Node, -1, v, {}, buffer_of_[v], {}};
        for (ValueId in : n.inputs) s.inputs.push_back(buffer_of_.at(in));
        plan_.steps.push_back(s);
      }
    }
    // Outputs: each gets its own buffer; a value returned twice, or an input
    // returned as it is, is copied by a kernel.
    std::set<int> used;
    for (ValueId out : f_.outputs) {
      int b = buffer_of_.at(out);
      Buffer& buf = plan_.buffers[static_cast<size_t>(b)];
      if (buf.kind == Buffer::Kind::Temp && !used.count(b)) {
        buf.kind = Buffer::Kind::Output;
        buf.index = static_cast<int>(plan_.outputs.size());
        used.insert(b);
        plan_.outputs.push_back(b);
        continue;
      }
      int copy = add_buffer({Buffer::Kind::Output, static_cast<int>(plan_.outputs.size()), buf.dtype, buf.dims, out, -1});
      plan_.kernels.push_back(copy_kernel(b, copy));
      plan_.steps.push_back({Step::Kind::Kernel, static_cast<int>(plan_.kernels.size() - 1), out, {}, copy, {}});
      plan_.outputs.push_back(copy);
    }
    fuse_epilogues(plan_);
    return std::move(plan_);
  }

  // ---- GEMM ----

  /// A MatMul the GEMM computes (integer products stay in the reference kernels).
  static bool is_gemm(const ir::Node& n) { return n.op == Op::MatMul && is_float(n.type.dtype); }

  /// Where the GEMM reads a MatMul operand from, and whether transposed.
  struct GemmOperand {
    ValueId source;
    bool trans;
  };

  /// The operand itself; or, read in place, the value it is a transpose of the
  /// last two axes of (read transposed), or the value it only inserts or removes
  /// size-1 dims of (the same elements in the same order).
  GemmOperand gemm_operand(ValueId v) const {
    const ir::Node& n = f_.node(v);
    if (n.op == Op::Transpose) {
      const auto& axes = n.attrs.axes;
      size_t r = axes.size();
      bool swap = r >= 2 && axes[r - 2] == static_cast<int64_t>(r - 1) && axes[r - 1] == static_cast<int64_t>(r - 2);
      for (size_t d = 0; swap && d + 2 < r; ++d) swap = axes[d] == static_cast<int64_t>(d);
      if (swap) return {n.inputs[0], true};
    }
    while (f_.node(v).op == Op::Reshape && unit_reshape(f_.type(f_.node(v).inputs[0]).shape, f_.type(v).shape))
      v = f_.node(v).inputs[0];
    return {v, false};
  }

  Step gemm_step(ValueId v) {
    const ir::Node& n = f_.node(v);
    Step s{Step::Kind::Gemm, -1, v, {}, buffer_of_.at(v), {}};
    GemmOperand a = gemm_operand(n.inputs[0]), b = gemm_operand(n.inputs[1]);
    s.inputs = {buffer_of_.at(a.source), buffer_of_.at(b.source)};
    s.gemm.a_dims = dims_of(f_.type(n.inputs[0]).shape);
    s.gemm.b_dims = dims_of(f_.type(n.inputs[1]).shape);
    s.gemm.trans_a = a.trans;
    s.gemm.trans_b = b.trans;
    return s;
  }

  // ---- kernels ----

  struct StageBuild {
    Stage stage;
    std::map<std::pair<ValueId, IndexMap>, int> memo;
  };

  struct KernelBuild {
    Kernel kernel;
    size_t row_dims = 0;
    std::map<ValueId, int> reduce_stage;  // fused reductions → their stage
    /// What finished reduce stages computed: (value, map) → (stage, node), for spilling.
    std::map<std::pair<ValueId, IndexMap>, std::pair<int, int>> computed;
  };

  Kernel copy_kernel(int from, int to) {
    const Buffer& b = plan_.buffers[static_cast<size_t>(from)];
    KernelBuild kb;
    layout_pointwise(kb, b.dims);
    Stage s = store_stage(kb, b.dims);
    KNode load{KNode::Kind::Load, b.dtype};
    load.buffer = from;
    load.strides = iteration_strides(b.dims, kb);
    s.nodes.push_back(load);
    s.value = 0;
    s.out_buffer = to;
    kb.kernel.stages.push_back(s);
    kb.kernel.name = fmt::format("copy_{}", b.value);
    return kb.kernel;
  }

  /// Rows and tiling for a kernel whose only stage stores a value of `dims`.
  static void layout_pointwise(KernelBuild& kb, const std::vector<int64_t>& dims) {
    if (dims.empty()) return;
    int64_t last = dims.back();
    kb.kernel.rows.assign(dims.begin(), dims.end() - 1);
    kb.row_dims = dims.size() - 1;
    if (last == kBatch || last > kTile) {
      kb.kernel.tile = kTile;
      kb.kernel.tiled_extent = last;
    }
  }

  /// Row-major strides of `dims` over the kernel's iteration dims (which are the same dims).
  static std::vector<int64_t> iteration_strides(const std::vector<int64_t>& dims, const KernelBuild&) {
    return row_major_strides(dims);
  }

  Stage store_stage(const KernelBuild& kb, const std::vector<int64_t>& dims) const {
    Stage s;
    s.kind = Stage::Kind::Store;
    s.inner.assign(dims.begin() + static_cast<long>(kb.row_dims), dims.end());
    s.inner_lo.assign(s.inner.size(), 0);
    s.out_strides = row_major_strides(dims);
    s.dtype = DType::Float32;
    return s;
  }

  Kernel build_kernel(ValueId root) {
    const ir::Node& n = f_.node(root);
    KernelBuild kb;
    kb.kernel.name = fmt::format("k{}_{}", root, ir::op_name(n.op));
    std::vector<int64_t> dims = dims_of(n.type.shape);

    if (is_reduce_fold(n.op)) return reduce_root_kernel(root, kb);

    size_t k = choose_rows(root);
    if (k == SIZE_MAX) {
      layout_pointwise(kb, dims);
    } else {
      kb.kernel.rows.assign(dims.begin(), dims.begin() + static_cast<long>(k));
      kb.row_dims = k;
    }
    Stage s = store_stage(kb, dims);
    s.out_buffer = buffer_of_.at(root);
    // Build the store twice: the first pass creates every reduce stage it needs, so
    // the second can read values those stages computed from a row scratch.
    KernelBuild probe = kb;
    build_store(probe, s, root);
    keep_reduce_stages(kb, std::move(probe));
    build_store(kb, s, root);
    return kb.kernel;
  }

  /// Takes the reduce stages (and what they computed) of a probe build, dropping its store stages.
  static void keep_reduce_stages(KernelBuild& kb, KernelBuild probe) {
    std::vector<int> renumber(probe.kernel.stages.size(), -1);
    for (size_t i = 0; i < probe.kernel.stages.size(); ++i)
      if (probe.kernel.stages[i].kind == Stage::Kind::Reduce) {
        renumber[i] = static_cast<int>(kb.kernel.stages.size());
        kb.kernel.stages.push_back(std::move(probe.kernel.stages[i]));
      }
    for (Stage& st : kb.kernel.stages)
      for (KNode& n : st.nodes)
        if (n.kind == KNode::Kind::RowValue) n.stage = renumber[static_cast<size_t>(n.stage)];
    for (auto& [r, st] : probe.reduce_stage) kb.reduce_stage[r] = renumber[static_cast<size_t>(st)];
    for (auto& [key, at] : probe.computed) kb.computed[key] = {renumber[static_cast<size_t>(at.first)], at.second};
    kb.kernel.scratch = std::move(probe.kernel.scratch);
  }

  /// Builds a Store stage, splitting it where a concatenation changes operand.
  void build_store(KernelBuild& kb, Stage s, ValueId root) {
    StageBuild sb{s, {}};
    try {
      sb.stage.value = node(kb, sb, root, identity(f_.type(root).rank()));
    } catch (const SplitStage& split) {
      size_t d = split.iter_dim - kb.row_dims;
      Stage a = s, b = s;
      a.inner[d] = split.at - s.inner_lo[d];
      b.inner_lo[d] = split.at;
      b.inner[d] = s.inner_lo[d] + s.inner[d] - split.at;
      build_store(kb, a, root);
      build_store(kb, b, root);
      return;
    }
    kb.kernel.stages.push_back(std::move(sb.stage));
  }

  /// The number of row dims for a kernel rooted at `root`: the row dims of the
  /// reductions over trailing axes it can fold, or SIZE_MAX for a pointwise kernel.
  size_t choose_rows(ValueId root) {
    std::set<ValueId> seen;
    std::vector<ValueId> work = {root};
    std::map<size_t, int> votes;
    while (!work.empty()) {
      ValueId v = work.back();
      work.pop_back();
      if (!seen.insert(v).second) continue;
      const ir::Node& n = f_.node(v);
      if (v != root && materialized_.count(v)) continue;
      if (is_reduce_fold(n.op)) {
        if (auto k = trailing_rows(n)) votes[*k]++;
        continue;  // a reduction's own operands belong to its stage
      }
      for (ValueId in : n.inputs) work.push_back(in);
    }
    if (votes.empty()) return SIZE_MAX;
    return std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  }

  /// If `n` reduces trailing axes [k, rank), returns k.
  std::optional<size_t> trailing_rows(const ir::Node& n) const {
    size_t rank = f_.type(n.inputs[0]).shape.size();
    const auto& axes = n.attrs.axes;
    if (axes.empty()) return std::nullopt;
    size_t k = rank - axes.size();
    for (size_t i = 0; i < axes.size(); ++i)
      if (axes[i] != static_cast<int64_t>(k + i)) return std::nullopt;
    return k;
  }

  Kernel reduce_root_kernel(ValueId root, KernelBuild& kb) {
    const ir::Node& n = f_.node(root);
    const ir::Shape& in = f_.type(n.inputs[0]).shape;
    std::vector<int64_t> kept, reduced;
    std::vector<size_t> order;  // iteration dim i ↔ input dim order[i]
    for (size_t d = 0; d < in.size(); ++d)
      if (!std::count(n.attrs.axes.begin(), n.attrs.axes.end(), static_cast<int64_t>(d))) {
        kept.push_back(in[d].known() ? in[d].value() : kBatch);
        order.push_back(d);
      }
    for (int64_t a : n.attrs.axes) {
      ir::Dim d = in[static_cast<size_t>(a)];
      reduced.push_back(d.known() ? d.value() : kBatch);
      order.push_back(static_cast<size_t>(a));
    }
    kb.kernel.rows = kept;
    kb.row_dims = kept.size();
    int stage = reduce_stage_for(kb, root, order, reduced);
    // Store the per-row result: iteration = rows only.
    Stage s;
    s.kind = Stage::Kind::Store;
    s.out_buffer = buffer_of_.at(root);
    s.out_strides = row_major_strides(kept);
    KNode rv{KNode::Kind::RowValue, n.type.dtype};
    rv.stage = stage;
    s.nodes.push_back(rv);
    s.value = 0;
    kb.kernel.stages.push_back(s);
    return kb.kernel;
  }

  /// Adds a Reduce stage folding `r`'s operand; iteration dim i walks operand dim order[i].
  int reduce_stage_for(KernelBuild& kb, ValueId r, const std::vector<size_t>& order, const std::vector<int64_t>& inner) {
    if (auto it = kb.reduce_stage.find(r); it != kb.reduce_stage.end()) return it->second;
    const ir::Node& n = f_.node(r);
    StageBuild sb;
    sb.stage.kind = Stage::Kind::Reduce;
    sb.stage.inner = inner;
    sb.stage.inner_lo.assign(inner.size(), 0);
    sb.stage.reduce = n.op;
    sb.stage.dtype = n.type.dtype;
    IndexMap map;
    size_t n_it = order.size();
    map.m.assign(n_it, std::vector<int64_t>(n_it, 0));
    map.c.assign(n_it, 0);
    for (size_t i = 0; i < n_it; ++i) map.m[order[i]][i] = 1;
    try {
      sb.stage.value = node(kb, sb, n.inputs[0], map);
    } catch (const SplitStage&) {
      throw Rematerialize{n.inputs[0]};  // a reduction cannot be split; store its operand instead
    }
    kb.kernel.stages.push_back(std::move(sb.stage));
    int idx = static_cast<int>(kb.kernel.stages.size() - 1);
    kb.reduce_stage[r] = idx;
    for (const auto& [key, node_id] : sb.memo) kb.computed.emplace(key, std::make_pair(idx, node_id));
    return idx;
  }

  int push(StageBuild& sb, KNode k) {
    sb.stage.nodes.push_back(std::move(k));
    return static_cast<int>(sb.stage.nodes.size() - 1);
  }

  size_t iter_dims(const KernelBuild& kb, const StageBuild& sb) const { return kb.row_dims + sb.stage.inner.size(); }

  /// The kernel node computing value v at index map `map` within stage sb.
  int node(KernelBuild& kb, StageBuild& sb, ValueId v, const IndexMap& map) {
    auto key = std::make_pair(v, map);
    if (auto it = sb.memo.find(key); it != sb.memo.end()) return it->second;
    int id = make_node(kb, sb, v, map);
    sb.memo[key] = id;
    return id;
  }

  /// Rough cost of computing node `id` of a stage: transcendentals dominate.
  static int cost(const Stage& st, int id) {
    const KNode& k = st.nodes[static_cast<size_t>(id)];
    int c = 0;
    if (k.kind == KNode::Kind::Unary)
      c = (k.op == Op::Neg || k.op == Op::Abs || k.op == Op::Not || k.op == Op::Floor || k.op == Op::Ceil ||
           k.op == Op::Round || k.op == Op::Sign || k.op == Op::IsNan || k.op == Op::IsInf || k.op == Op::IsFinite)
              ? 1 : 10;
    else if (k.kind == KNode::Kind::Binary)
      c = (k.op == Op::Pow || k.op == Op::Atan2) ? 10 : k.op == Op::Div ? 3 : 1;
    else if (k.kind == KNode::Kind::Select || k.kind == KNode::Kind::Cast)
      c = 1;
    for (int a : k.args) c += cost(st, a);
    return c;
  }

  /// A value an earlier reduce stage of this kernel computed over the same inner
  /// dims: read it back from a row scratch instead of computing it again.
  std::optional<int> spilled(KernelBuild& kb, StageBuild& sb, ValueId v, const IndexMap& map) {
    constexpr int kWorthSpilling = 10;
    constexpr int64_t kMaxScratch = 16384;  // elements per row
    auto it = kb.computed.find({v, map});
    if (it == kb.computed.end() || kb.kernel.tile) return std::nullopt;
    auto [stage_id, node_id] = it->second;
    Stage& from = kb.kernel.stages[static_cast<size_t>(stage_id)];
    if (from.inner != sb.stage.inner || from.inner_lo != sb.stage.inner_lo) return std::nullopt;
    int64_t elements = 1;
    for (int64_t d : from.inner) {
      if (d == kBatch) return std::nullopt;
      elements *= d;
    }
    if (elements > kMaxScratch || cost(from, node_id) < kWorthSpilling) return std::nullopt;
    int scratch = -1;
    for (const auto& sp : from.spills)
      if (sp.node == node_id) scratch = sp.scratch;
    if (scratch < 0) {
      scratch = static_cast<int>(kb.kernel.scratch.size());
      kb.kernel.scratch.push_back({f_.type(v).dtype, elements});
      from.spills.push_back({node_id, scratch});
    }
    KNode k{KNode::Kind::Scratch, f_.type(v).dtype};
    k.buffer = scratch;
    return push(sb, k);
  }

  int make_node(KernelBuild& kb, StageBuild& sb, ValueId v, const IndexMap& map) {
    const ir::Node& n = f_.node(v);
    const ir::Type& t = n.type;
    size_t n_it = iter_dims(kb, sb);
    if (auto s = spilled(kb, sb, v, map)) return *s;

    if (materialized_.count(v) && !(sb.stage.kind == Stage::Kind::Store && sb.stage.out_buffer == buffer_of_.at(v))) {
      KNode k{KNode::Kind::Load, t.dtype};
      k.buffer = buffer_of_.at(v);
      std::vector<int64_t> rs = row_major_strides(dims_of(t.shape));
      k.strides.assign(n_it, 0);
      for (size_t d = 0; d < rs.size(); ++d) {
        if (t.shape[d] == ir::Dim(1)) continue;
        for (size_t i = 0; i < n_it; ++i) k.strides[i] += rs[d] * map.m[d][i];
        k.offset += rs[d] * map.c[d];
      }
      return push(sb, k);
    }

    switch (ir::op_group(n.op)) {
      case OpGroup::Leaf: {
        if (n.op == Op::Constant) {
          KNode k{KNode::Kind::Const, t.dtype};
          k.constant = n.attrs.value.get_f64(0);
          if (!is_float(t.dtype)) k.constant = static_cast<double>(n.attrs.value.get_i64(0));
          return push(sb, k);
        }
        if (n.op == Op::DimSize) {
          ir::Dim d = n.attrs.shape.at(0);
          if (d.known()) {
            KNode k{KNode::Kind::Const, t.dtype};
            k.constant = static_cast<double>(d.value());
            return push(sb, k);
          }
          int b = push(sb, KNode{KNode::Kind::Batch, DType::Int64});
          KNode c{KNode::Kind::Cast, t.dtype};
          c.args = {b};
          return push(sb, c);
        }
        // Iota: the index along attrs.axis.
        KNode k{KNode::Kind::Index, DType::Int64};
        size_t axis = static_cast<size_t>(n.attrs.axis);
        k.strides = map.m[axis];
        k.offset = map.c[axis];
        int idx = push(sb, k);
        if (t.dtype == DType::Int64) return idx;
        KNode c{KNode::Kind::Cast, t.dtype};
        c.args = {idx};
        return push(sb, c);
      }
      case OpGroup::Unary: {
        KNode k{KNode::Kind::Unary, t.dtype, f_.type(n.inputs[0]).dtype, n.op};
        k.args = {node(kb, sb, n.inputs[0], map)};
        return push(sb, k);
      }
      case OpGroup::Cast: {
        KNode k{KNode::Kind::Cast, t.dtype};
        k.args = {node(kb, sb, n.inputs[0], map)};
        return push(sb, k);
      }
      case OpGroup::Binary: {
        KNode k{KNode::Kind::Binary, t.dtype, f_.type(n.inputs[0]).dtype, n.op};
        for (ValueId in : n.inputs) k.args.push_back(node(kb, sb, in, broadcast_map(map, f_.type(in).shape, t.shape)));
        return push(sb, k);
      }
      case OpGroup::Select: {
        KNode k{KNode::Kind::Select, t.dtype};
        for (ValueId in : n.inputs) k.args.push_back(node(kb, sb, in, broadcast_map(map, f_.type(in).shape, t.shape)));
        return push(sb, k);
      }
      case OpGroup::Reduce: return fused_reduction(kb, sb, v, map);
      case OpGroup::Movement: return movement(kb, sb, v, map);
      default: throw Rematerialize{v};
    }
  }

  int movement(KernelBuild& kb, StageBuild& sb, ValueId v, const IndexMap& map) {
    const ir::Node& n = f_.node(v);
    const ir::Shape& out = n.type.shape;
    switch (n.op) {
      case Op::Broadcast: {
        ValueId in = n.inputs[0];
        return node(kb, sb, in, broadcast_map(map, f_.type(in).shape, out));
      }
      case Op::Transpose: {
        IndexMap child = map;
        for (size_t k = 0; k < n.attrs.axes.size(); ++k) {
          child.m[static_cast<size_t>(n.attrs.axes[k])] = map.m[k];
          child.c[static_cast<size_t>(n.attrs.axes[k])] = map.c[k];
        }
        return node(kb, sb, n.inputs[0], child);
      }
      case Op::Slice: {
        const ir::Shape& in = f_.type(n.inputs[0]).shape;
        IndexMap child = map;
        for (size_t d = 0; d < in.size(); ++d) {
          int64_t step = n.attrs.steps[d];
          int64_t start = normalized_start(n.attrs.starts[d], step, in[d]);
          for (auto& coef : child.m[d]) coef *= step;
          child.c[d] = start + step * map.c[d];
        }
        return node(kb, sb, n.inputs[0], child);
      }
      case Op::Reshape: {  // inserts or removes size-1 dims only
        const ir::Shape& in = f_.type(n.inputs[0]).shape;
        IndexMap child;
        size_t o = 0;
        size_t n_it = map.m.empty() ? iter_dims(kb, sb) : map.m[0].size();
        for (size_t d = 0; d < in.size(); ++d) {
          if (in[d] == ir::Dim(1)) {
            child.m.push_back(std::vector<int64_t>(n_it, 0));
            child.c.push_back(0);
            continue;
          }
          while (out[o] == ir::Dim(1)) ++o;
          child.m.push_back(map.m[o]);
          child.c.push_back(map.c[o]);
          ++o;
        }
        return node(kb, sb, n.inputs[0], child);
      }
      case Op::Concat: return concat(kb, sb, v, map);
      default: throw Rematerialize{v};
    }
  }

  /// Python slice start for a dim of known size (the batch dim is only sliced whole).
  static int64_t normalized_start(int64_t start, int64_t step, ir::Dim dim) {
    if (!dim.known()) return 0;
    int64_t n = dim.value();
    if (start == std::numeric_limits<int64_t>::min()) return step > 0 ? 0 : n - 1;
    if (start < 0) start += n;
    if (step > 0) return std::clamp<int64_t>(start, 0, n);
    return std::clamp<int64_t>(start, -1, n - 1);
  }

  int concat(KernelBuild& kb, StageBuild& sb, ValueId v, const IndexMap& map) {
    const ir::Node& n = f_.node(v);
    size_t axis = static_cast<size_t>(n.attrs.axis);
    const auto& coef = map.m[axis];
    // A stage over an empty range never loads anything: any operand will do.
    if (std::count(sb.stage.inner.begin(), sb.stage.inner.end(), 0)) return node(kb, sb, n.inputs[0], map);
    // The index along the axis must be static over rows: it may only move with inner dims.
    int64_t lo = map.c[axis], hi = map.c[axis];
    size_t moving = SIZE_MAX;
    for (size_t i = 0; i < coef.size(); ++i) {
      if (coef[i] == 0) continue;
      if (i < kb.row_dims || moving != SIZE_MAX) throw Rematerialize{v};
      moving = i;
      size_t d = i - kb.row_dims;
      int64_t a = coef[i] * sb.stage.inner_lo[d], b = coef[i] * (sb.stage.inner_lo[d] + sb.stage.inner[d] - 1);
      lo += std::min(a, b);
      hi += std::max(a, b);
    }
    int64_t start = 0;
    for (ValueId in : n.inputs) {
      int64_t size = f_.type(in).shape[axis].value();
      if (size == 0) continue;  // contributes nothing (and splitting at it would split forever)
      if (lo >= start && hi < start + size) {
        IndexMap child = map;
        child.c[axis] -= start;
        return node(kb, sb, in, child);
      }
      if (lo < start + size && hi >= start + size) {
        // Straddles this boundary: split the store there (only a unit step along one inner dim can be split).
        if (sb.stage.kind != Stage::Kind::Store || (coef[moving] != 1)) throw Rematerialize{v};
        throw SplitStage{moving, start + size - map.c[axis]};
      }
      start += size;
    }
    throw Rematerialize{v};
  }

  /// A reduction over trailing axes whose result this stage reads once per row.
  int fused_reduction(KernelBuild& kb, StageBuild& sb, ValueId r, const IndexMap& map) {
    const ir::Node& n = f_.node(r);
    auto k = trailing_rows(n);
    const ir::Shape& in = f_.type(n.inputs[0]).shape;
    if (!k || *k != kb.row_dims) throw Rematerialize{r};
    for (size_t d = 0; d < *k; ++d)
      if (in[d] != ir::Dim(kb.kernel.rows[d] == kBatch ? ir::Dim::symbol(0) : ir::Dim(kb.kernel.rows[d])))
        throw Rematerialize{r};
    // The reduction's index must be exactly the row index.
    for (size_t d = 0; d < *k; ++d) {
      if (map.c[d] != 0) throw Rematerialize{r};
      for (size_t i = 0; i < map.m[d].size(); ++i)
        if (map.m[d][i] != (i == d ? 1 : 0)) throw Rematerialize{r};
    }
    std::vector<size_t> order;
    std::vector<int64_t> inner;
    for (size_t d = 0; d < in.size(); ++d) {
      order.push_back(d);
      if (d >= *k) inner.push_back(in[d].known() ? in[d].value() : kBatch);
    }
    // Build the reduce stage with its own memo (stages do not share nodes).
    int stage = reduce_stage_for(kb, r, order, inner);
    KNode rv{KNode::Kind::RowValue, n.type.dtype};
    rv.stage = stage;
    return push(sb, rv);
  }
};

}  // namespace

std::vector<int64_t> row_major_strides(const std::vector<int64_t>& dims) {
  std::vector<int64_t> s(dims.size(), 1);
  int64_t acc = 1;
  for (size_t i = dims.size(); i-- > 0;) {
    s[i] = acc;
    acc *= dims[i] == kBatch ? 1 : dims[i];
  }
  return s;
}

int64_t row_count(const Kernel& k, int64_t batch) {
  int64_t n = 1;
  for (int64_t d : k.rows) n *= d == kBatch ? batch : d;
  if (k.tile > 0) {
    int64_t extent = k.tiled_extent == kBatch ? batch : k.tiled_extent;
    n *= (extent + k.tile - 1) / k.tile;
  }
  return n;
}

std::optional<std::string> batch_symbolic_blocker(const ir::Function& f) {
  for (size_t i = 0; i < f.nodes.size(); ++i) {
    const ir::Node& n = f.nodes[i];
    const ir::Shape& s = n.type.shape;
    for (size_t d = 0; d < s.size(); ++d) {
      if (s[d].known()) continue;
      if (!is_batch(s[d])) return fmt::format("%{} has a dimension known only at run time that is not the batch", i);
      if (d != 0) return fmt::format("%{} has the batch dimension at position {}", i, d);
    }
    for (ValueId in : n.inputs) {
      const ir::Shape& is = f.type(in).shape;
      if (!is.empty() && is_batch(is[0])) {
        // The batch must stay the leading dim of elementwise results and never meet a fixed size.
        size_t shift = s.size() >= is.size() ? s.size() - is.size() : 0;
        if (ir::op_group(n.op) == OpGroup::Binary || ir::op_group(n.op) == OpGroup::Select || n.op == Op::Broadcast)
          if (shift != 0 || !is_batch(s[0])) return fmt::format("%{} broadcasts the batch dimension", i);
        if (n.op == Op::Slice && (n.attrs.starts[0] != std::numeric_limits<int64_t>::min() ||
                                  n.attrs.stops[0] != std::numeric_limits<int64_t>::max() || n.attrs.steps[0] != 1))
          return fmt::format("%{} slices the batch dimension", i);
        if (n.op == Op::Concat && n.attrs.axis == 0) return fmt::format("%{} concatenates along the batch", i);
      }
    }
  }
  return std::nullopt;
}

Plan fuse(const ir::Function& f) { return Planner(f).run(); }

}  // namespace lamina::kernel
