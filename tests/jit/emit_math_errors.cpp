// emit_math rejects operands it cannot handle with a lamina::Error instead of bad IR.
#include <catch2/catch.hpp>

#include <functional>

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include "jit/vector_math.h"
#include "lamina/error.h"

using lamina::jit::emit_math;
using lamina::jit::MathFn;

namespace {

struct Scratch {
  llvm::LLVMContext ctx;
  llvm::Module module{"scratch", ctx};
  llvm::IRBuilder<> b{ctx};
  llvm::Function* f;
  Scratch() {
    auto* type = llvm::FunctionType::get(b.getVoidTy(), {b.getPtrTy()}, false);
    f = llvm::Function::Create(type, llvm::Function::ExternalLinkage, "f", module);
    b.SetInsertPoint(llvm::BasicBlock::Create(ctx, "entry", f));
  }
  /// A run-time value of `type` (a load, so nothing constant-folds).
  llvm::Value* arg(llvm::Type* type) { return b.CreateLoad(type, f->getArg(0)); }
};

std::string message_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const lamina::Error& e) {
    CHECK(e.kind() == lamina::ErrorKind::Internal);
    return e.message();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("emit_math rejects integer operands, naming the type", "[jit][math]") {
  Scratch s;
  auto* v = s.arg(llvm::FixedVectorType::get(s.b.getInt32Ty(), 16));
  CHECK(message_of([&] { emit_math(s.b, MathFn::Exp, v); }) ==
        "emit_math(exp): expected float or double (scalar or fixed vector), got <16 x i32>");
}

TEST_CASE("emit_math rejects half precision and null operands", "[jit][math]") {
  Scratch s;
  CHECK(message_of([&] { emit_math(s.b, MathFn::Log, s.arg(s.b.getHalfTy())); }) ==
        "emit_math(log): expected float or double (scalar or fixed vector), got half");
  CHECK(message_of([&] { emit_math(s.b, MathFn::Log, nullptr); }) ==
        "emit_math(log): the operand is null");
}

TEST_CASE("emit_math checks the operand count of pow/atan2 and unary functions", "[jit][math]") {
  Scratch s;
  auto* x = s.arg(s.b.getFloatTy());
  CHECK(message_of([&] { emit_math(s.b, MathFn::Pow, x); }) ==
        "emit_math(pow): needs a second operand");
  CHECK(message_of([&] { emit_math(s.b, MathFn::Tanh, x, x); }) ==
        "emit_math(tanh): takes one operand, got two");
  auto* d = s.arg(s.b.getDoubleTy());
  CHECK(message_of([&] { emit_math(s.b, MathFn::Atan2, x, d); }) ==
        "emit_math(atan2): operands differ in type: float and double");
}

TEST_CASE("emit_math returns the operand's type for scalars and vectors", "[jit][math]") {
  Scratch s;
  for (llvm::Type* type : {s.b.getFloatTy(), s.b.getDoubleTy(),
                           static_cast<llvm::Type*>(llvm::FixedVectorType::get(s.b.getFloatTy(), 16)),
                           static_cast<llvm::Type*>(llvm::FixedVectorType::get(s.b.getDoubleTy(), 8))}) {
    llvm::Value* x = s.arg(type);
    CHECK(emit_math(s.b, MathFn::Sin, x)->getType() == type);
    CHECK(emit_math(s.b, MathFn::Pow, x, x)->getType() == type);
  }
}

TEST_CASE("emit_math ignores the builder's fast-math flags and restores them", "[jit][math]") {
  Scratch s;
  llvm::FastMathFlags fast;
  fast.setFast();
  s.b.setFastMathFlags(fast);
  llvm::Value* r = emit_math(s.b, MathFn::Exp, s.arg(s.b.getFloatTy()));
  CHECK(s.b.getFastMathFlags().isFast());
  // Nothing the function emitted carries fast-math flags.
  for (llvm::Instruction& inst : *s.b.GetInsertBlock())
    if (llvm::isa<llvm::FPMathOperator>(inst)) CHECK_FALSE(inst.getFastMathFlags().any());
  CHECK(r != nullptr);
}
