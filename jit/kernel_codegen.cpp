// Loop-nest code generation. Each kernel is:
//
//   for r in [row_begin, row_end):            (rows decomposed into row indices)
//     for each stage:
//       Reduce: acc = identity; for inner dims (last: 16 lanes): acc = fold(acc, expr); row_value = hfold(acc)
//       Store:  for inner dims (last: 16 lanes): out[...] = expr

#include "jit/kernel_codegen.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>

#include "jit/op_codegen.h"

namespace lamina::jit {

using kernel::KNode;
using kernel::Stage;
using llvm::Value;

namespace {

class KernelEmitter {
 public:
  KernelEmitter(llvm::Module& m, const kernel::Plan& plan, const kernel::Kernel& k)
      : m_(m), c_(m.getContext()), b_(c_), plan_(plan), k_(k) {}

  llvm::Function* emit() {
    auto* i64 = b_.getInt64Ty();
    auto* ptr = b_.getPtrTy();
    auto* fty = llvm::FunctionType::get(b_.getVoidTy(), {ptr, i64, i64, i64}, false);
    fn_ = llvm::Function::Create(fty, llvm::Function::ExternalLinkage, k_.name, m_);
    fn_->addParamAttr(0, llvm::Attribute::NoAlias);
    fn_->addFnAttr(llvm::Attribute::NoUnwind);
    auto args = fn_->arg_begin();
    buffers_ = &*args++;
    Value* row_begin = &*args++;
    Value* row_end = &*args++;
    batch_ = &*args++;

    auto* entry = llvm::BasicBlock::Create(c_, "entry", fn_);
    b_.SetInsertPoint(entry);
    row_values_.resize(k_.stages.size(), nullptr);
    for (size_t s = 0; s < k_.stages.size(); ++s)
      if (k_.stages[s].kind == Stage::Kind::Reduce)
        row_values_[s] = b_.CreateAlloca(lane_type(c_, k_.stages[s].dtype), nullptr, "row_value");
    for (const kernel::Scratch& sc : k_.scratch) {
      auto* a = b_.CreateAlloca(llvm::ArrayType::get(memory_type(c_, sc.dtype), static_cast<uint64_t>(sc.elements)));
      a->setAlignment(llvm::Align(64));
      scratch_.push_back(a);
    }
    base_.resize(plan_.buffers.size(), nullptr);
    for (size_t i = 0; i < plan_.buffers.size(); ++i)
      base_[i] = b_.CreateLoad(ptr, b_.CreateConstGEP1_64(ptr, buffers_, i), "buf");

    loop(row_begin, row_end, "row", [&](Value* r) { row_body(r); });
    b_.CreateRetVoid();
    return fn_;
  }

 private:
  llvm::Module& m_;
  llvm::LLVMContext& c_;
  llvm::IRBuilder<> b_;
  const kernel::Plan& plan_;
  const kernel::Kernel& k_;
  llvm::Function* fn_ = nullptr;
  Value* buffers_ = nullptr;
  Value* batch_ = nullptr;
  std::vector<Value*> base_;
  std::vector<llvm::AllocaInst*> row_values_;
  std::vector<llvm::AllocaInst*> scratch_;
  // Per row: the row indices; per stage iteration: the inner indices.
  std::vector<Value*> index_;
  const Stage* current_ = nullptr;
  // A long reduction's accumulators (the first is the stage's own), empty otherwise.
  std::vector<llvm::AllocaInst*> partial_accs_;
  static constexpr int kReduceUnroll = 4;
  Value* tile_lo_ = nullptr;
  Value* tile_hi_ = nullptr;

  Value* i64(int64_t v) { return b_.getInt64(static_cast<uint64_t>(v)); }
  Value* extent(int64_t d) { return d == kernel::kBatch ? batch_ : i64(d); }

  /// for (i = lo; i < hi; i += step) body(i)
  template <class Body>
  void loop(Value* lo, Value* hi, const char* name, Body body, int64_t step = 1) {
    auto* pre = b_.GetInsertBlock();
    auto* header = llvm::BasicBlock::Create(c_, std::string(name) + ".head", fn_);
    auto* bodyb = llvm::BasicBlock::Create(c_, std::string(name) + ".body", fn_);
    auto* exit = llvm::BasicBlock::Create(c_, std::string(name) + ".exit", fn_);
    b_.CreateBr(header);
    b_.SetInsertPoint(header);
    auto* phi = b_.CreatePHI(b_.getInt64Ty(), 2, name);
    phi->addIncoming(lo, pre);
    b_.CreateCondBr(b_.CreateICmpSLT(phi, hi), bodyb, exit);
    b_.SetInsertPoint(bodyb);
    body(phi);
    Value* next = b_.CreateAdd(phi, i64(step), "", true, true);
    phi->addIncoming(next, b_.GetInsertBlock());
    b_.CreateBr(header);
    b_.SetInsertPoint(exit);
  }

  void row_body(Value* r) {
    index_.assign(k_.rows.size(), nullptr);
    Value* rest = r;
    if (k_.tile > 0) {
      Value* full = extent(k_.tiled_extent);
      Value* tiles = b_.CreateSDiv(b_.CreateAdd(full, i64(k_.tile - 1)), i64(k_.tile));
      Value* t = b_.CreateSRem(rest, tiles);
      rest = b_.CreateSDiv(rest, tiles);
      tile_lo_ = b_.CreateMul(t, i64(k_.tile));
      tile_hi_ = b_.CreateBinaryIntrinsic(llvm::Intrinsic::smin, b_.CreateAdd(tile_lo_, i64(k_.tile)), full);
    }
    for (size_t d = k_.rows.size(); d-- > 0;) {
      if (d == 0) {
        index_[d] = rest;  // the leading dim needs no modulo (it may be the batch)
      } else {
        index_[d] = b_.CreateSRem(rest, extent(k_.rows[d]));
        rest = b_.CreateSDiv(rest, extent(k_.rows[d]));
      }
    }
    for (size_t s = 0; s < k_.stages.size(); ++s) stage(s);
  }

  void stage(size_t s) {
    const Stage& st = k_.stages[s];
    llvm::AllocaInst* acc = nullptr;
    partial_accs_.clear();
    if (st.kind == Stage::Kind::Reduce) {
      acc = create_entry_alloca(vector_type(c_, st.dtype));
      b_.CreateStore(reduce_identity(b_, st.reduce, st.dtype), acc);
      if (unrolled_reduction(st)) {
        // Independent accumulators break the fold's loop-carried dependency.
        partial_accs_.push_back(acc);
        for (int u = 1; u < kReduceUnroll; ++u) {
          partial_accs_.push_back(create_entry_alloca(vector_type(c_, st.dtype)));
          b_.CreateStore(reduce_identity(b_, st.reduce, st.dtype), partial_accs_.back());
        }
      }
    }
    index_.resize(k_.rows.size() + st.inner.size(), nullptr);
    inner_loops(st, s, 0, acc);
    if (acc) {
      Value* a = b_.CreateLoad(vector_type(c_, st.dtype), acc);
      if (!partial_accs_.empty()) {
        // Fixed pairwise order: ((0 ∘ 1) ∘ (2 ∘ 3)).
        std::vector<Value*> parts;
        for (llvm::AllocaInst* p : partial_accs_) parts.push_back(b_.CreateLoad(vector_type(c_, st.dtype), p));
        while (parts.size() > 1) {
          std::vector<Value*> next;
          for (size_t i = 0; i + 1 < parts.size(); i += 2)
            next.push_back(reduce_step(b_, st.reduce, st.dtype, parts[i], parts[i + 1]));
          parts = next;
        }
        a = parts[0];
      }
      Value* v = reduce_horizontal(b_, st.reduce, st.dtype, a);
      b_.CreateStore(v, row_values_[s]);
    }
    index_.resize(k_.rows.size());
  }

  /// Whether a Reduce stage's innermost loop is long enough to unroll over
  /// several accumulators (a fixed choice from static extents: the summation
  /// order never depends on the batch size or the thread count).
  bool unrolled_reduction(const Stage& st) const {
    if (st.inner.empty() || k_.tile > 0) return false;
    int64_t n = st.inner.back();
    return n != kernel::kBatch && n >= kLanes * kReduceUnroll;
  }

  llvm::AllocaInst* create_entry_alloca(llvm::Type* t) {
    llvm::IRBuilder<> eb(&fn_->getEntryBlock(), fn_->getEntryBlock().begin());
    return eb.CreateAlloca(t);
  }

  void inner_loops(const Stage& st, size_t s, size_t d, llvm::AllocaInst* acc) {
    size_t n = st.inner.size();
    if (n == 0) {
      // A stage over rows only: one lane does the work.
      vector_iteration(st, s, nullptr, acc, lane_mask(i64(0), i64(1)));
      return;
    }
    size_t dim = k_.rows.size() + d;
    Value* lo = i64(st.inner_lo[d]);
    Value* hi = st.inner[d] == kernel::kBatch ? batch_ : i64(st.inner_lo[d] + st.inner[d]);
    bool last = d + 1 == n;
    if (last && k_.tile > 0) {
      // The row's tile, within this stage's part of the dim (a concatenation splits it).
      lo = b_.CreateBinaryIntrinsic(llvm::Intrinsic::smax, tile_lo_, lo);
      hi = b_.CreateBinaryIntrinsic(llvm::Intrinsic::smin, tile_hi_, hi);
    }
    if (!last) {
      loop(lo, hi, "inner", [&](Value* i) {
        index_[dim] = i;
        inner_loops(st, s, d + 1, acc);
      });
      return;
    }
    // Full vectors (kReduceUnroll at a time into separate accumulators for a long
    // reduction), then one masked tail.
    Value* span = b_.CreateSub(hi, lo);
    Value* full_end = b_.CreateAdd(lo, b_.CreateMul(b_.CreateSDiv(span, i64(kLanes)), i64(kLanes)));
    Value* vec_lo = lo;
    if (!partial_accs_.empty()) {
      constexpr int64_t kWide = kLanes * kReduceUnroll;
      Value* wide_end = b_.CreateAdd(lo, b_.CreateMul(b_.CreateSDiv(span, i64(kWide)), i64(kWide)));
      loop(lo, wide_end, "vec.unrolled", [&](Value* i) {
        for (int u = 0; u < kReduceUnroll; ++u)
          vector_iteration(st, s, b_.CreateAdd(i, i64(u * kLanes)), partial_accs_[static_cast<size_t>(u)], nullptr);
      }, kWide);
      vec_lo = wide_end;
    }
    loop(vec_lo, full_end, "vec", [&](Value* i) { vector_iteration(st, s, i, acc, nullptr); }, kLanes);
    auto* tail = llvm::BasicBlock::Create(c_, "tail", fn_);
    auto* done = llvm::BasicBlock::Create(c_, "tail.done", fn_);
    b_.CreateCondBr(b_.CreateICmpSLT(full_end, hi), tail, done);
    b_.SetInsertPoint(tail);
    vector_iteration(st, s, full_end, acc, lane_mask(full_end, hi));
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  /// Lanes i, i+1, ..., i+15 that are < hi.
  Value* lane_mask(Value* i, Value* hi) {
    Value* lanes = b_.CreateAdd(b_.CreateVectorSplat(kLanes, i), lane_offsets());
    return b_.CreateICmpSLT(lanes, b_.CreateVectorSplat(kLanes, hi));
  }

  Value* lane_offsets() {
    llvm::SmallVector<llvm::Constant*, 16> v;
    for (unsigned l = 0; l < kLanes; ++l) v.push_back(b_.getInt64(l));
    return llvm::ConstantVector::get(v);
  }

  /// One vector step at innermost index `i` (nullptr when the stage has no inner dims).
  void vector_iteration(const Stage& st, size_t s, Value* i, llvm::AllocaInst* acc, Value* mask) {
    current_ = &st;
    if (i) index_.back() = i;
    std::vector<Value*> v(st.nodes.size(), nullptr);
    for (size_t n = 0; n < st.nodes.size(); ++n) v[n] = node(st.nodes[n], v, i != nullptr, mask);
    for (const Stage::Spill& sp : st.spills) {
      const kernel::Scratch& sc = k_.scratch[static_cast<size_t>(sp.scratch)];
      Value* val = v[static_cast<size_t>(sp.node)];
      llvm::Type* mem = memory_type(c_, sc.dtype);
      if (sc.dtype == DType::Bool) val = b_.CreateZExt(val, llvm::FixedVectorType::get(mem, kLanes));
      Value* at = b_.CreateGEP(mem, scratch_[static_cast<size_t>(sp.scratch)], scratch_index(st));
      if (!i) b_.CreateStore(b_.CreateExtractElement(val, uint64_t{0}), at);
      else if (mask) b_.CreateMaskedStore(val, at, llvm::Align(dtype_size(sc.dtype)), mask);
      else b_.CreateAlignedStore(val, at, llvm::Align(dtype_size(sc.dtype)));
    }
    Value* value = v[static_cast<size_t>(st.value)];
    if (st.kind == Stage::Kind::Reduce) {
      if (mask) value = b_.CreateSelect(mask, value, reduce_identity(b_, st.reduce, st.dtype));
      Value* a = b_.CreateLoad(vector_type(c_, st.dtype), acc);
      b_.CreateStore(reduce_step(b_, st.reduce, st.dtype, a, value), acc);
      return;
    }
    const kernel::Buffer& out = plan_.buffers[static_cast<size_t>(st.out_buffer)];
    store(out.dtype, st.out_buffer, st.out_strides, st.out_offset, value, i != nullptr, mask);
    (void)s;
  }

  /// The flat position of the current inner point (lane 0) within a row scratch.
  Value* scratch_index(const Stage& st) {
    Value* flat = i64(0);
    size_t rows = k_.rows.size();
    for (size_t d = 0; d < st.inner.size(); ++d) {
      flat = b_.CreateMul(flat, i64(st.inner[d]));
      flat = b_.CreateAdd(flat, b_.CreateSub(index_[rows + d], i64(st.inner_lo[d])));
    }
    return flat;
  }

  /// Scalar element offset of the access at the current indices, excluding the vector dim.
  Value* scalar_offset(const std::vector<int64_t>& strides, int64_t offset, bool vector_dim) {
    Value* off = i64(offset);
    size_t n = index_.size() - (vector_dim ? 1 : 0);
    for (size_t d = 0; d < n && d < strides.size(); ++d)
      if (strides[d] != 0) off = b_.CreateAdd(off, b_.CreateMul(index_[d], i64(strides[d])));
    if (vector_dim && strides.size() == index_.size() && strides.back() != 0)
      off = b_.CreateAdd(off, b_.CreateMul(index_.back(), i64(strides.back())));
    return off;
  }

  Value* load(DType t, int buffer, const std::vector<int64_t>& strides, int64_t offset, bool vector_dim, Value* mask) {
    llvm::Type* mem = memory_type(c_, t);
    Value* base = base_[static_cast<size_t>(buffer)];
    Value* start = b_.CreateGEP(mem, base, scalar_offset(strides, offset, vector_dim));
    int64_t vs = vector_dim ? strides.back() : 0;
    llvm::Type* vt = llvm::FixedVectorType::get(mem, kLanes);
    Value* v;
    if (vs == 0) {
      // Broadcast along the vector dim (or a stage without inner dims): one element.
      v = b_.CreateVectorSplat(kLanes, b_.CreateLoad(mem, start));
    } else if (vs == 1) {
      llvm::Align align(dtype_size(t));
      // Masked-off lanes read as zero (never poison, so integer division stays defined).
      if (mask) v = b_.CreateMaskedLoad(vt, start, align, mask, llvm::Constant::getNullValue(vt));
      else v = b_.CreateAlignedLoad(vt, start, align);
    } else {
      Value* lanes = b_.CreateMul(lane_offsets(), b_.CreateVectorSplat(kLanes, i64(vs)));
      Value* ptrs = b_.CreateGEP(mem, start, lanes);
      v = b_.CreateMaskedGather(vt, ptrs, llvm::Align(dtype_size(t)), mask ? mask : all_lanes(),
                                llvm::Constant::getNullValue(vt));
    }
    if (t == DType::Bool) v = b_.CreateICmpNE(v, llvm::Constant::getNullValue(vt));
    return v;
  }

  Value* all_lanes() { return b_.CreateVectorSplat(kLanes, b_.getTrue()); }

  void store(DType t, int buffer, const std::vector<int64_t>& strides, int64_t offset, Value* value, bool vector_dim,
             Value* mask) {
    llvm::Type* mem = memory_type(c_, t);
    llvm::Type* vt = llvm::FixedVectorType::get(mem, kLanes);
    if (t == DType::Bool) value = b_.CreateZExt(value, vt);
    Value* start = b_.CreateGEP(mem, base_[static_cast<size_t>(buffer)], scalar_offset(strides, offset, vector_dim));
    int64_t vs = vector_dim ? strides.back() : 0;
    llvm::Align align(dtype_size(t));
    if (!vector_dim) {
      b_.CreateStore(b_.CreateExtractElement(value, uint64_t{0}), start);
    } else if (vs == 1) {
      if (mask) b_.CreateMaskedStore(value, start, align, mask);
      else b_.CreateAlignedStore(value, start, align);
    } else {
      Value* lanes = b_.CreateMul(lane_offsets(), b_.CreateVectorSplat(kLanes, i64(vs)));
      b_.CreateMaskedScatter(value, b_.CreateGEP(mem, start, lanes), align, mask ? mask : all_lanes());
    }
  }

  Value* node(const KNode& n, const std::vector<Value*>& v, bool vector_dim, Value* mask) {
    auto arg = [&](size_t i) { return v[static_cast<size_t>(n.args[i])]; };
    switch (n.kind) {
      case KNode::Kind::Load: return load(n.dtype, n.buffer, n.strides, n.offset, vector_dim, mask);
      case KNode::Kind::Const: return splat_constant(b_, n.dtype, n.constant);
      case KNode::Kind::Index: {
        Value* base = scalar_offset(n.strides, n.offset, vector_dim);
        Value* vec = b_.CreateVectorSplat(kLanes, base);
        if (vector_dim && n.strides.size() == index_.size() && n.strides.back() != 0)
          vec = b_.CreateAdd(vec, b_.CreateMul(lane_offsets(), b_.CreateVectorSplat(kLanes, i64(n.strides.back()))));
        return vec;
      }
      case KNode::Kind::Batch: return b_.CreateVectorSplat(kLanes, batch_);
      case KNode::Kind::RowValue: {
        const Stage& st = k_.stages[static_cast<size_t>(n.stage)];
        return b_.CreateVectorSplat(kLanes, b_.CreateLoad(lane_type(c_, st.dtype), row_values_[static_cast<size_t>(n.stage)]));
      }
      case KNode::Kind::Scratch: {
        const Stage& st = *current_;
        const kernel::Scratch& sc = k_.scratch[static_cast<size_t>(n.buffer)];
        llvm::Type* mem = memory_type(c_, sc.dtype);
        llvm::Type* vt = llvm::FixedVectorType::get(mem, kLanes);
        Value* at = b_.CreateGEP(mem, scratch_[static_cast<size_t>(n.buffer)], scratch_index(st));
        Value* val;
        if (!vector_dim) val = b_.CreateVectorSplat(kLanes, b_.CreateLoad(mem, at));
        else if (mask) val = b_.CreateMaskedLoad(vt, at, llvm::Align(dtype_size(sc.dtype)), mask, llvm::Constant::getNullValue(vt));
        else val = b_.CreateAlignedLoad(vt, at, llvm::Align(dtype_size(sc.dtype)));
        if (sc.dtype == DType::Bool) val = b_.CreateICmpNE(val, llvm::Constant::getNullValue(vt));
        return val;
      }
      case KNode::Kind::Unary: return emit_unary(b_, n.op, n.operand, arg(0));
      case KNode::Kind::Binary:
        return emit_binary(b_, n.op, n.operand, arg(0), arg(1));
      case KNode::Kind::Select: return b_.CreateSelect(arg(0), arg(1), arg(2));
      case KNode::Kind::Cast: {
        // The operand's dtype is that of the node it reads.
        return emit_cast(b_, dtype_of(arg(0)), n.dtype, arg(0));
      }
    }
    return nullptr;
  }

  DType dtype_of(Value* v) {
    llvm::Type* t = v->getType()->getScalarType();
    if (t->isFloatTy()) return DType::Float32;
    if (t->isDoubleTy()) return DType::Float64;
    if (t->isIntegerTy(1)) return DType::Bool;
    if (t->isIntegerTy(32)) return DType::Int32;
    return DType::Int64;
  }
};

}  // namespace

llvm::Function* emit_kernel(llvm::Module& m, const kernel::Plan& plan, const kernel::Kernel& k) {
  return KernelEmitter(m, plan, k).emit();
}

}  // namespace lamina::jit
