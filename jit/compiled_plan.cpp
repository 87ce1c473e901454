#include "jit/compiled_plan.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <cstring>

#include <fmt/format.h>

#include "gemm/gemm.h"
#include "interp/kernels.h"
#include "ir/dim.h"
#include "jit/jit_engine.h"
#include "jit/kernel_codegen.h"
#include "kernel/fuse.h"
#include "lamina/error.h"
#include "runtime/thread_pool.h"

namespace lamina::jit {

std::shared_ptr<CompiledPlan> compile_plan(const ir::Function& f, bool keep_text) {
  auto start = std::chrono::steady_clock::now();
  auto out = std::make_shared<CompiledPlan>();
  out->plan = kernel::fuse(f);
  JitEngine& jit = JitEngine::instance();
  auto context = std::make_unique<llvm::LLVMContext>();
  auto module = jit.new_module(*context, "lamina");
  std::vector<std::string> names;
  for (kernel::Kernel& k : out->plan.kernels) {
    k.name = fmt::format("{}_{}", k.name, names.size());
    llvm::Function* fn = emit_kernel(*module, out->plan, k);
    jit.set_host_attributes(*fn);
    names.push_back(k.name);
  }
  ModuleText text;
  if (!names.empty()) {
    out->code = jit.compile(std::move(module), std::move(context), names, keep_text ? &text : nullptr);
    for (size_t i = 0; i < names.size(); ++i) out->kernels.push_back(out->code->function(i));
  }
  out->llvm_ir = std::move(text.llvm_ir);
  out->assembly = std::move(text.assembly);
  out->compile_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

int64_t check_inputs(const ir::Function& f, const std::vector<Tensor>& inputs) {
  if (inputs.size() != f.inputs.size())
    throw Error(ErrorKind::Runtime, fmt::format("the lambda takes {} input(s) but {} were given", f.inputs.size(), inputs.size()));
  // The size each symbol takes in this call (-1: not seen yet); no allocation for the usual few symbols.
  constexpr int kFew = 16;
  int64_t few[kFew];
  std::fill(few, few + kFew, -1);
  std::map<int, int64_t> many;
  auto size_of = [&](int symbol) -> int64_t& { return symbol < kFew ? few[symbol] : many.emplace(symbol, -1).first->second; };
  for (size_t i = 0; i < inputs.size(); ++i) {
    const ir::InputInfo& in = f.inputs[i];
    const Tensor& t = inputs[i];
    if (t.dtype() != in.type.dtype)
      throw Error(ErrorKind::Runtime, fmt::format("input '{}' has dtype {} but the lambda was compiled for {}", in.name,
                                                  dtype_name(t.dtype()), dtype_name(in.type.dtype)));
    bool ok = t.rank() == in.type.rank();
    for (int d = 0; ok && d < t.rank(); ++d) {
      ir::Dim want = in.type.shape[static_cast<size_t>(d)];
      int64_t got = t.dims()[static_cast<size_t>(d)];
      if (want.known()) {
        ok = want.value() == got;
      } else {
        int64_t& size = size_of(want.symbol_id());
        if (size < 0) size = got;
        ok = size == got;
      }
    }
    if (!ok)
      throw Error(ErrorKind::Runtime, fmt::format("input '{}' has shape {} but the lambda expects {}", in.name,
                                                  format_dims(t.dims()), ir::format_shape(in.type.shape)),
                  {}, i > 0 ? "every input's batch (first) dimension must be the same" : "");
  }
  return few[0] < 0 ? 0 : few[0];
}

namespace {

Dims concrete(const std::vector<int64_t>& dims, int64_t batch) {
  Dims d = dims;
  for (int64_t& x : d)
    if (x == kernel::kBatch) x = batch;
  return d;
}

struct KernelCall {
  void* fn;
  void** buffers;
  int64_t batch;
};

void run_rows(void* ctx, int64_t begin, int64_t end) {
  auto* call = static_cast<KernelCall*>(ctx);
  reinterpret_cast<KernelFn>(call->fn)(call->buffers, begin, end, call->batch);
}

/// Rows per task so that each task does some 32K elements of work.
int64_t grain(const kernel::Kernel& k, int64_t batch) {
  int64_t per_row = 1;
  for (const auto& s : k.stages) {
    int64_t n = 1;
    for (size_t d = 0; d < s.inner.size(); ++d) n *= s.inner[d] == kernel::kBatch ? batch : s.inner[d];
    if (k.tile) n = k.tile;
    per_row += n;
  }
  return std::max<int64_t>(1, 32768 / per_row);
}

int64_t product(const Dims& d, size_t begin, size_t end) {
  int64_t n = 1;
  for (size_t i = begin; i < end; ++i) n *= d[i];
  return n;
}

/// Where each matrix of a broadcast batch starts: product p (row-major over
/// `out`, the result's batch dims) reads the matrix at offsets[p] of an operand
/// with batch dims `in` (right-aligned, size-1 dims repeating).
std::vector<int64_t> batch_offsets(const Dims& in, const Dims& out, int64_t matrix_size) {
  std::vector<int64_t> offsets(static_cast<size_t>(product(out, 0, out.size())), 0);
  size_t shift = out.size() - in.size();
  for (size_t p = 0; p < offsets.size(); ++p) {
    int64_t rest = static_cast<int64_t>(p), stride = matrix_size, offset = 0;
    for (size_t d = out.size(); d-- > shift;) {
      int64_t i = rest % out[d];
      rest /= out[d];
      if (in[d - shift] != 1) offset += i * stride;
      stride *= in[d - shift];
    }
    offsets[p] = offset;
  }
  return offsets;
}

/// A product compiled for operands whose sizes depend on the batch (a batch
/// dim contracted or broadcast against a fixed size) fits only some batch
/// sizes: checked on every call, with the interpreter's words.
void check_product_shapes(const Dims& a, const Dims& b, const Dims& out_batch, SourceSpan span) {
  std::string operands = fmt::format("{} @ {}", format_dims(a), format_dims(b));
  size_t ra = a.size(), rb = b.size();
  if (a[ra - 1] != b[rb - 2])
    throw Error(ErrorKind::Runtime,
                fmt::format("matmul: {}: contracted dimensions {} and {} differ", operands, a[ra - 1], b[rb - 2]), span,
                "at this batch size the product does not fit: its operands' sizes depend on the batch");
  auto broadcasts = [&](const Dims& x) {
    size_t batch_rank = x.size() - 2, shift = out_batch.size() - batch_rank;
    for (size_t d = 0; d < batch_rank; ++d)
      if (x[d] != 1 && x[d] != out_batch[d + shift]) return false;
    return true;
  };
  if (!broadcasts(a) || !broadcasts(b))
    throw Error(ErrorKind::Runtime,
                fmt::format("matmul: {}: batch dimensions {} and {} cannot be broadcast", operands,
                            format_dims(Dims(a.begin(), a.end() - 2)), format_dims(Dims(b.begin(), b.end() - 2))),
                span, "at this batch size the product does not fit: its operands' sizes depend on the batch");
}

/// The epilogue of a GEMM step: its kernel on the rows of each finished panel.
struct EpilogueCall {
  void* fn;
  void** buffers;
  int64_t batch;
  int64_t tiles;  // kernel rows per row of the result (a tiled kernel has one per tile)

  static void run(void* ctx, int64_t begin, int64_t end) {
    auto* call = static_cast<EpilogueCall*>(ctx);
    reinterpret_cast<KernelFn>(call->fn)(call->buffers, begin * call->tiles, end * call->tiles, call->batch);
  }
};

template <class T>
void run_gemm(gemm::Product<T> product, const std::vector<int64_t>& a_off, const std::vector<int64_t>& b_off,
              gemm::Epilogue epilogue) {
  product.a_offsets = a_off.empty() ? nullptr : a_off.data();
  product.b_offsets = b_off.empty() ? nullptr : b_off.data();
  gemm::gemm(product, epilogue);
}

/// A Gemm step: out = op(A) · op(B) over the broadcast batch dims, with the
/// epilogue kernel (if any) run on each panel of rows as it is finished.
/// A GEMM step's sizes at this batch size, checked (run-time dims must agree).
GemmShape gemm_shape(const CompiledPlan& p, const kernel::Step& step, int64_t batch, SourceSpan span) {
  const kernel::Gemm& g = step.gemm;
  Dims a = concrete(g.a_dims, batch), b = concrete(g.b_dims, batch);
  Dims c = concrete(p.plan.buffers[static_cast<size_t>(step.output)].dims, batch);
  size_t ra = a.size(), rb = b.size();
  GemmShape s;
  s.m = a[ra - 2], s.k = a[ra - 1], s.n = b[rb - 1];
  Dims out_batch(c.begin(), c.end() - 2);
  check_product_shapes(a, b, out_batch, span);
  s.count = product(out_batch, 0, out_batch.size());
  int64_t a_count = product(a, 0, ra - 2), b_count = product(b, 0, rb - 2);
  if (b_count == 1 && !g.trans_a && a_count == s.count) {
    s.m *= s.count;  // stacked A's times one B: one taller product
    s.count = 1;
  } else {
    if (a_count > 1) s.a_off = batch_offsets(Dims(a.begin(), a.end() - 2), out_batch, s.m * s.k);
    if (b_count > 1) s.b_off = batch_offsets(Dims(b.begin(), b.end() - 2), out_batch, s.k * s.n);
  }
  return s;
}

void gemm_step(const CompiledPlan& p, const kernel::Step& step, const GemmShape& s, void** ptrs, int64_t batch) {
  const kernel::Plan& plan = p.plan;
  const kernel::Gemm& g = step.gemm;
  EpilogueCall call{nullptr, ptrs, batch, 1};
  gemm::Epilogue epilogue;
  if (g.epilogue >= 0) {
    const kernel::Kernel& ek = plan.kernels[static_cast<size_t>(g.epilogue)];
    call.fn = p.kernels[static_cast<size_t>(g.epilogue)];
    if (ek.tile > 0) {
      int64_t extent = ek.tiled_extent == kernel::kBatch ? batch : ek.tiled_extent;
      call.tiles = (extent + ek.tile - 1) / ek.tile;
    }
    epilogue = {&EpilogueCall::run, &call};
  }
  const void* pa = ptrs[step.inputs[0]];
  const void* pb = ptrs[step.inputs[1]];
  void* pc = ptrs[step.output];
  int64_t lda = g.trans_a ? s.m : s.k, ldb = g.trans_b ? s.k : s.n;
  if (plan.buffers[static_cast<size_t>(step.output)].dtype == DType::Float32)
    run_gemm(gemm::Product<float>{s.m, s.n, s.k, static_cast<const float*>(pa), lda, g.trans_a,
                                  static_cast<const float*>(pb), ldb, g.trans_b, static_cast<float*>(pc), s.n, s.count},
             s.a_off, s.b_off, epilogue);
  else
    run_gemm(gemm::Product<double>{s.m, s.n, s.k, static_cast<const double*>(pa), lda, g.trans_a,
                                   static_cast<const double*>(pb), ldb, g.trans_b, static_cast<double*>(pc), s.n,
                                   s.count},
             s.a_off, s.b_off, epilogue);
}

}  // namespace

std::vector<Tensor> execute(const CompiledPlan& p, const ir::Function& f, const std::vector<Tensor>& inputs,
                            std::vector<Tensor>* outputs, Workspace* workspace) {
  int64_t batch = check_inputs(f, inputs);
  const kernel::Plan& plan = p.plan;
  // The buffers' addresses, and the temporaries: kept in the workspace for the
  // next run of this plan and batch size, or made for this call alone.
  Workspace local;
  Workspace& ws = workspace ? *workspace : local;
  if (ws.plan != &p || ws.batch != batch || ws.ptrs.size() != plan.buffers.size()) {
    ws.plan = &p;
    ws.batch = batch;
    ws.ptrs.assign(plan.buffers.size(), nullptr);
    ws.temps.assign(plan.buffers.size(), Tensor::borrow(DType::Float32, {}, nullptr));
    // GEMM sizes depend only on the batch size: work them out (and check them) once.
    ws.gemms.assign(plan.steps.size(), GemmShape{});
    for (size_t i = 0; i < plan.steps.size(); ++i)
      if (plan.steps[i].kind == kernel::Step::Kind::Gemm)
        ws.gemms[i] = gemm_shape(p, plan.steps[i], batch, f.node(plan.steps[i].node).span);
  }
  void** ptrs = ws.ptrs.data();
  std::vector<Tensor> results;  // outputs made by this call, in order
  auto dims_match = [&](const Tensor& t, const std::vector<int64_t>& dims) {
    if (t.rank() != static_cast<int>(dims.size())) return false;
    for (size_t d = 0; d < dims.size(); ++d)
      if (t.dims()[d] != (dims[d] == kernel::kBatch ? batch : dims[d])) return false;
    return true;
  };
  for (size_t i = 0; i < plan.buffers.size(); ++i) {
    const kernel::Buffer& b = plan.buffers[i];
    size_t idx = static_cast<size_t>(b.index);
    switch (b.kind) {
      case kernel::Buffer::Kind::Input: ptrs[i] = const_cast<void*>(inputs[idx].raw()); continue;
      case kernel::Buffer::Kind::Param: ptrs[i] = const_cast<void*>(f.params[idx].init.raw()); continue;
      case kernel::Buffer::Kind::Constant: ptrs[i] = const_cast<void*>(plan.constants[idx].raw()); continue;
      case kernel::Buffer::Kind::Output:
        if (outputs && idx < outputs->size()) {
          Tensor& o = (*outputs)[idx];
          if (o.dtype() != b.dtype || !dims_match(o, b.dims))
            throw Error(ErrorKind::Runtime, fmt::format("output {} must be a {} tensor of shape {}", b.index,
                                                        dtype_name(b.dtype), format_dims(concrete(b.dims, batch))));
          ptrs[i] = o.raw();
          continue;
        }
        // A result returned to the caller: always fresh. Every element is written before it is read.
        if (b.alias_of >= 0) continue;  // set below, once its target has an address
        if (results.size() <= idx) results.resize(idx + 1, Tensor::borrow(DType::Float32, {}, nullptr));
        results[idx] = Tensor::uninitialized(b.dtype, concrete(b.dims, batch));
        ptrs[i] = results[idx].raw();
        continue;
      case kernel::Buffer::Kind::Temp:
        if (b.alias_of >= 0) continue;
        if (!ws.temps[i].raw()) ws.temps[i] = Tensor::uninitialized(b.dtype, concrete(b.dims, batch));
        ptrs[i] = ws.temps[i].raw();
        continue;
    }
  }
  for (size_t i = 0; i < plan.buffers.size(); ++i)
    if (int target = plan.buffers[i].alias_of; target >= 0) ptrs[i] = ptrs[target];
  for (size_t si = 0; si < plan.steps.size(); ++si) {
    const kernel::Step& step = plan.steps[si];
    if (step.kind == kernel::Step::Kind::Gemm) {
      gemm_step(p, step, ws.gemms[si], ptrs, batch);
      continue;
    }
    if (step.kind == kernel::Step::Kind::Kernel) {
      const kernel::Kernel& k = plan.kernels[static_cast<size_t>(step.kernel)];
      KernelCall call{p.kernels[static_cast<size_t>(step.kernel)], ptrs, batch};
      int64_t rows = kernel::row_count(k, batch);
      if (rows > 0) parallel_for(rows, grain(k, batch), run_rows, &call);
      continue;
    }
    // A reference kernel: evaluate the node on its (materialised) operands.
    const ir::Node& n = f.node(step.node);
    std::vector<Tensor> in;
    for (int b : step.inputs) {
      const kernel::Buffer& ib = plan.buffers[static_cast<size_t>(b)];
      in.push_back(Tensor::borrow(ib.dtype, concrete(ib.dims, batch), ptrs[b]));
    }
    const kernel::Buffer& ob = plan.buffers[static_cast<size_t>(step.output)];
    ir::Type type{ob.dtype, ir::to_shape(concrete(ob.dims, batch))};
    Tensor result = interp::evaluate(n, in, type);
    std::memcpy(ptrs[step.output], result.raw(), result.nbytes());
  }
  return results;
}

}  // namespace lamina::jit
