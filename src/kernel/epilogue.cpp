#include "kernel/epilogue.h"

#include <algorithm>
#include <set>

namespace lamina::kernel {
namespace {

/// Calls fn(stage, node) for every Load of `buffer` in the kernel.
template <class Fn>
void for_each_load(const Kernel& k, int buffer, Fn fn) {
  for (const Stage& st : k.stages)
    for (const KNode& n : st.nodes)
      if (n.kind == KNode::Kind::Load && n.buffer == buffer) fn(st, n);
}

bool reads(const Kernel& k, int buffer) {
  bool found = false;
  for_each_load(k, buffer, [&](const Stage&, const KNode&) { found = true; });
  return found;
}

/// The buffers a step writes (an epilogue's writes included).
std::set<int> writes(const Plan& p, const Step& s) {
  std::set<int> out = {s.output};
  auto kernel_writes = [&](int kernel) {
    for (const Stage& st : p.kernels[static_cast<size_t>(kernel)].stages)
      if (st.kind == Stage::Kind::Store) out.insert(st.out_buffer);
  };
  if (s.kind == Step::Kind::Kernel) kernel_writes(s.kernel);
  if (s.kind == Step::Kind::Gemm && s.gemm.epilogue >= 0) kernel_writes(s.gemm.epilogue);
  return out;
}

/// The load reads only row r of `result` when the kernel computes its row r.
bool row_local(const Kernel& k, const Buffer& result, const Stage& st, const KNode& load) {
  size_t rows = k.rows.size();
  std::vector<int64_t> strides = row_major_strides(result.dims);
  for (size_t d = 0; d < rows; ++d)
    if (k.rows[d] != 1 && load.strides[d] != strides[d]) return false;
  // The column index must stay inside the row over the stage's inner range.
  int64_t lo = load.offset, hi = load.offset;
  for (size_t e = 0; e < st.inner.size(); ++e) {
    int64_t extent = st.inner[e];
    if (extent == kBatch) return false;
    if (extent == 0) return true;  // the stage never runs
    int64_t s = load.strides[rows + e];
    int64_t a = s * st.inner_lo[e], b = s * (st.inner_lo[e] + extent - 1);
    lo += std::min(a, b);
    hi += std::max(a, b);
  }
  return lo >= 0 && hi < result.dims.back();
}

bool can_be_epilogue(const Plan& p, size_t gemm_step, size_t kernel_step) {
  const Step& g = p.steps[gemm_step];
  const Kernel& k = p.kernels[static_cast<size_t>(p.steps[kernel_step].kernel)];
  const Buffer& result = p.buffers[static_cast<size_t>(g.output)];
  if (result.dims.back() == kBatch) return false;
  if (k.rows != std::vector<int64_t>(result.dims.begin(), result.dims.end() - 1)) return false;
  bool local = true;
  for_each_load(k, g.output, [&](const Stage& st, const KNode& n) { local &= row_local(k, result, st, n); });
  if (!local) return false;
  // Everything else the kernel reads must be ready before the GEMM step.
  std::set<int> later;
  for (size_t s = gemm_step + 1; s < kernel_step; ++s) {
    std::set<int> w = writes(p, p.steps[s]);
    later.insert(w.begin(), w.end());
  }
  for (const Stage& st : k.stages)
    for (const KNode& n : st.nodes)
      if (n.kind == KNode::Kind::Load && later.count(n.buffer)) return false;
  return true;
}

/// Whether the epilogue may overwrite the GEMM result in place: see fuse_epilogues.
int in_place_output(const Plan& p, size_t gemm_step) {
  const Step& g = p.steps[gemm_step];
  const Buffer& result = p.buffers[static_cast<size_t>(g.output)];
  const Kernel& k = p.kernels[static_cast<size_t>(g.gemm.epilogue)];
  if (result.kind != Buffer::Kind::Temp) return -1;
  for (size_t s = 0; s < p.steps.size(); ++s) {
    const Step& st = p.steps[s];
    if (std::count(st.inputs.begin(), st.inputs.end(), g.output)) return -1;
    if (st.kind == Step::Kind::Kernel && reads(p.kernels[static_cast<size_t>(st.kernel)], g.output)) return -1;
    if (st.kind == Step::Kind::Gemm && s != gemm_step && st.gemm.epilogue >= 0 &&
        reads(p.kernels[static_cast<size_t>(st.gemm.epilogue)], g.output))
      return -1;
  }
  int out = -1;
  bool stored = false, ok = true;
  for (const Stage& st : k.stages) {
    if (st.kind == Stage::Kind::Store) {
      if (out >= 0 && st.out_buffer != out) return -1;
      out = st.out_buffer;
      stored = true;
    }
    for (const KNode& n : st.nodes) {
      if (n.kind != KNode::Kind::Load || n.buffer != g.output) continue;
      // A reduce stage reads the row before any store writes it; a store reads
      // only the element it overwrites.
      if (st.kind == Stage::Kind::Reduce) ok &= !stored;
      else ok &= n.strides == st.out_strides && n.offset == st.out_offset;
    }
  }
  if (!ok || out < 0) return -1;
  const Buffer& o = p.buffers[static_cast<size_t>(out)];
  if (o.dtype != result.dtype || o.dims != result.dims || o.alias_of >= 0) return -1;
  if (o.kind != Buffer::Kind::Temp && o.kind != Buffer::Kind::Output) return -1;
  return out;
}

}  // namespace

void fuse_epilogues(Plan& p) {
  for (size_t i = 0; i < p.steps.size(); ++i) {
    if (p.steps[i].kind != Step::Kind::Gemm) continue;
    for (size_t j = i + 1; j < p.steps.size(); ++j) {
      const Step& s = p.steps[j];
      if (s.kind != Step::Kind::Kernel || !reads(p.kernels[static_cast<size_t>(s.kernel)], p.steps[i].output)) continue;
      if (!can_be_epilogue(p, i, j)) continue;
      p.steps[i].gemm.epilogue = s.kernel;
      p.steps.erase(p.steps.begin() + static_cast<long>(j));
      if (int out = in_place_output(p, i); out >= 0) p.buffers[static_cast<size_t>(p.steps[i].output)].alias_of = out;
      break;
    }
  }
}

}  // namespace lamina::kernel
