// float64 inputs: per-lane calls to the C library. Portable and accurate (glibc's double
// functions are within 1 ulp) but neither vectorised nor independent of the host's libm
// version; native double polynomials can replace these one function at a time.
#include <llvm/IR/Module.h>

#include "jit/math_functions.h"

namespace lamina::jit::detail {

Value* libm_f64(const MathBuilder& m, const char* name, Value* x, Value* y) {
  auto& b = m.ir();
  llvm::Module* module = b.GetInsertBlock()->getModule();
  llvm::Type* dbl = b.getDoubleTy();
  std::vector<llvm::Type*> params(y ? 2 : 1, dbl);
  llvm::FunctionCallee fn =
      module->getOrInsertFunction(name, llvm::FunctionType::get(dbl, params, false));
  if (auto* f = llvm::dyn_cast<llvm::Function>(fn.getCallee())) f->setDoesNotThrow();
  auto call = [&](Value* a, Value* c) {
    return c ? b.CreateCall(fn, {a, c}) : b.CreateCall(fn, {a});
  };
  auto* vec = llvm::dyn_cast<llvm::FixedVectorType>(m.type());
  if (!vec) return call(x, y);
  Value* out = llvm::PoisonValue::get(vec);
  for (unsigned i = 0; i < vec->getNumElements(); ++i) {
    Value* a = b.CreateExtractElement(x, i);
    Value* c = y ? b.CreateExtractElement(y, i) : nullptr;
    out = b.CreateInsertElement(out, call(a, c), i);
  }
  return out;
}

}  // namespace lamina::jit::detail
