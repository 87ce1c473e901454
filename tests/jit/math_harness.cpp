#include "math_harness.h"

#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/TargetParser/Triple.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>
#include <stdexcept>

#include <fmt/format.h>

namespace lamina::test {

namespace {

void init_llvm() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

[[noreturn]] void fail(const std::string& what, llvm::Error err) {
  throw std::runtime_error(what + ": " + llvm::toString(std::move(err)));
}

template <class V>
V check(llvm::Expected<V> v, const char* what) {
  if (!v) fail(what, v.takeError());
  return std::move(*v);
}

bool is_binary(jit::MathFn fn) { return fn == jit::MathFn::Pow || fn == jit::MathFn::Atan2; }

/// void kernel(const T* x, const T* y, T* out, int64_t n): n a positive multiple of `lanes`
/// (1 = scalar values).
void build_kernel(llvm::Module& module, llvm::Type* element, int64_t lanes, jit::MathFn fn) {
  llvm::LLVMContext& ctx = module.getContext();
  llvm::IRBuilder<> b(ctx);
  llvm::Type* ptr = llvm::PointerType::getUnqual(ctx);
  auto* type = llvm::FunctionType::get(b.getVoidTy(), {ptr, ptr, ptr, b.getInt64Ty()}, false);
  auto* f = llvm::Function::Create(type, llvm::Function::ExternalLinkage, "kernel", module);
  for (unsigned i = 0; i < 3; ++i) f->addParamAttr(i, llvm::Attribute::NoAlias);
  llvm::Value* x = f->getArg(0);
  llvm::Value* y = f->getArg(1);
  llvm::Value* out = f->getArg(2);
  llvm::Value* n = f->getArg(3);

  auto* entry = llvm::BasicBlock::Create(ctx, "entry", f);
  auto* loop = llvm::BasicBlock::Create(ctx, "loop", f);
  auto* done = llvm::BasicBlock::Create(ctx, "done", f);
  b.SetInsertPoint(entry);
  b.CreateCondBr(b.CreateICmpSGT(n, b.getInt64(0)), loop, done);

  b.SetInsertPoint(loop);
  llvm::PHINode* i = b.CreatePHI(b.getInt64Ty(), 2);
  i->addIncoming(b.getInt64(0), entry);
  llvm::Type* vec = lanes == 1 ? element : llvm::FixedVectorType::get(element, lanes);
  llvm::Align align(element->getPrimitiveSizeInBits() / 8);
  llvm::Value* vx = b.CreateAlignedLoad(vec, b.CreateGEP(element, x, i), align);
  llvm::Value* vy =
      is_binary(fn) ? b.CreateAlignedLoad(vec, b.CreateGEP(element, y, i), align) : nullptr;
  llvm::Value* r = jit::emit_math(b, fn, vx, vy);
  b.CreateAlignedStore(r, b.CreateGEP(element, out, i), align);
  llvm::Value* next = b.CreateAdd(i, b.getInt64(lanes));
  i->addIncoming(next, loop);
  b.CreateCondBr(b.CreateICmpSLT(next, n), loop, done);

  b.SetInsertPoint(done);
  b.CreateRetVoid();

  std::string problems;
  llvm::raw_string_ostream os(problems);
  if (llvm::verifyModule(module, &os)) throw std::runtime_error("invalid kernel IR: " + problems);
}

void optimize(llvm::Module& module, llvm::TargetMachine& tm) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(&tm);
  llvm::TargetLibraryInfoImpl tlii(llvm::Triple(module.getTargetTriple()));
  fam.registerPass([&] { return llvm::TargetLibraryAnalysis(tlii); });
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2).run(module, mam);
}

}  // namespace

template <class T>
struct MathKernel<T>::Impl {
  std::unique_ptr<llvm::orc::LLJIT> jit;
  void (*fn)(const T*, const T*, T*, int64_t) = nullptr;
};

template <class T>
MathKernel<T>::MathKernel(jit::MathFn fn, int64_t lanes)
    : impl_(std::make_shared<Impl>()), binary_(is_binary(fn)), lanes_(lanes) {
  if (lanes < 1) throw std::invalid_argument("lanes must be positive");
  init_llvm();
  auto jtmb = check(llvm::orc::JITTargetMachineBuilder::detectHost(), "detecting the host");
  auto tm = check(jtmb.createTargetMachine(), "creating the target machine");

  auto ctx = std::make_unique<llvm::LLVMContext>();
  auto module = std::make_unique<llvm::Module>("math_kernel", *ctx);
  module->setDataLayout(tm->createDataLayout());
  module->setTargetTriple(tm->getTargetTriple().str());
  llvm::Type* element = sizeof(T) == 4 ? llvm::Type::getFloatTy(*ctx) : llvm::Type::getDoubleTy(*ctx);
  build_kernel(*module, element, lanes, fn);
  optimize(*module, *tm);
  if (std::getenv("LAMINA_MATH_DUMP")) module->print(llvm::errs(), nullptr);

  impl_->jit = check(llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(std::move(jtmb)).create(),
                     "creating the JIT");
  impl_->jit->getExecutionSession().setErrorReporter(
      [](llvm::Error err) { llvm::consumeError(std::move(err)); });
  if (auto err = impl_->jit->addIRModule(
          llvm::orc::ThreadSafeModule(std::move(module), std::move(ctx))))
    fail("adding the kernel", std::move(err));
  auto addr = check(impl_->jit->lookup("kernel"), "looking up the kernel");
  impl_->fn = addr.template toPtr<void (*)(const T*, const T*, T*, int64_t)>();
}

template <class T>
std::vector<T> MathKernel<T>::operator()(const std::vector<T>& x, const std::vector<T>& y) const {
  if (binary_ && y.size() != x.size()) throw std::invalid_argument("x and y differ in size");
  size_t padded = (x.size() + lanes_ - 1) / lanes_ * lanes_;
  std::vector<T> px(x), py(binary_ ? y : std::vector<T>{}), out(padded);
  px.resize(padded, T(1));
  py.resize(padded, T(1));
  impl_->fn(px.data(), py.data(), out.data(), static_cast<int64_t>(padded));
  out.resize(x.size());
  return out;
}

template <class T>
void MathKernel<T>::run(const T* x, const T* y, T* out, int64_t n) const {
  if (n % lanes_ != 0) throw std::invalid_argument("n must be a multiple of the lane count");
  impl_->fn(x, y, out, n);
}

template <class T>
const MathKernel<T>& MathKernel<T>::cached(jit::MathFn fn) {
  static std::mutex mutex;
  static std::map<jit::MathFn, MathKernel<T>> kernels;
  std::lock_guard lock(mutex);
  auto it = kernels.find(fn);
  if (it == kernels.end()) it = kernels.emplace(fn, MathKernel<T>(fn)).first;
  return it->second;
}

template class MathKernel<float>;
template class MathKernel<double>;

float eval_f32(jit::MathFn fn, float x, float y) {
  return MathKernel<float>::cached(fn)({x}, {y})[0];
}
double eval_f64(jit::MathFn fn, double x, double y) {
  return MathKernel<double>::cached(fn)({x}, {y})[0];
}

namespace {

template <class Int, class T>
Int ordered_bits(T v) {
  Int i;
  std::memcpy(&i, &v, sizeof v);
  // Map sign-magnitude to a monotone integer line where -0 and +0 coincide.
  return i < 0 ? std::numeric_limits<Int>::min() - i : i;
}

template <class Int, class T>
int64_t ulp_distance_impl(T a, T b) {
  if (std::isnan(a) || std::isnan(b))
    return std::isnan(a) && std::isnan(b) ? 0 : std::numeric_limits<int64_t>::max();
  Int ia = ordered_bits<Int>(a), ib = ordered_bits<Int>(b);
  // The difference can exceed Int's range; compute it in unsigned arithmetic.
  using U = std::make_unsigned_t<Int>;
  U d = ia > ib ? U(ia) - U(ib) : U(ib) - U(ia);
  return d > U(std::numeric_limits<int64_t>::max()) ? std::numeric_limits<int64_t>::max()
                                                    : static_cast<int64_t>(d);
}

}  // namespace

int64_t ulp_distance(float a, float b) { return ulp_distance_impl<int32_t>(a, b); }
int64_t ulp_distance(double a, double b) { return ulp_distance_impl<int64_t>(a, b); }

bool same(float a, float b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}
bool same(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

std::string UlpStats::describe(const char* name) const {
  return fmt::format("{}: max {} ulp over {} points; worst at x={:.9g} y={:.9g}: got {:.17g}, want {:.17g}",
                     name, max_ulp, points, worst_x, worst_y, worst_got, worst_want);
}

namespace {

template <class T, class R, class Ref>
UlpStats measure(jit::MathFn fn, const std::vector<T>& x, const std::vector<T>& y, const Ref& ref) {
  std::vector<T> got = MathKernel<T>::cached(fn)(x, y);
  UlpStats s;
  s.points = x.size();
  for (size_t i = 0; i < x.size(); ++i) {
    R yi = y.empty() ? R(0) : R(y[i]);
    T want = static_cast<T>(ref(R(x[i]), yi));
    int64_t d = ulp_distance(got[i], want);
    if (d > s.max_ulp) {
      s.max_ulp = d;
      s.worst_x = double(x[i]);
      s.worst_y = double(yi);
      s.worst_got = double(got[i]);
      s.worst_want = double(want);
    }
  }
  if (std::getenv("LAMINA_ULP_REPORT"))
    fmt::print(stderr, "{}\n", s.describe(jit::math_fn_name(fn)));
  return s;
}

}  // namespace

UlpStats measure_f32(jit::MathFn fn, const std::vector<float>& x, const std::vector<float>& y,
                     const std::function<double(double, double)>& ref) {
  return measure<float, double>(fn, x, y, ref);
}

UlpStats measure_f64(jit::MathFn fn, const std::vector<double>& x, const std::vector<double>& y,
                     const std::function<long double(long double, long double)>& ref) {
  return measure<double, long double>(fn, x, y, ref);
}

std::vector<float> dense_f32(double lo, double hi, size_t n) {
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<float>(lo + (hi - lo) * double(i) / double(n - 1));
  return v;
}

std::vector<float> bit_sweep_f32(uint32_t step) {
  if (const char* env = std::getenv("LAMINA_ULP_SWEEP_STEP")) step = static_cast<uint32_t>(std::atoll(env));
  if (step == 0) throw std::invalid_argument("bit_sweep_f32: step must be positive");
  std::vector<float> v;
  v.reserve((uint64_t{1} << 32) / step + 1);
  for (uint64_t bits = 0; bits < (uint64_t{1} << 32); bits += step) {
    uint32_t b32 = static_cast<uint32_t>(bits);
    float f;
    std::memcpy(&f, &b32, sizeof f);
    v.push_back(f);
  }
  return v;
}

std::vector<double> dense_f64(double lo, double hi, size_t n) {
  std::vector<double> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = lo + (hi - lo) * double(i) / double(n - 1);
  return v;
}

std::vector<double> bit_sweep_f64(uint64_t step) {
  std::vector<double> v;
  uint64_t bits = 0;
  do {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    v.push_back(d);
    bits += step;
  } while (bits >= step);  // until the 64-bit counter wraps
  return v;
}

}  // namespace lamina::test
