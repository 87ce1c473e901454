#include "jit/jit_engine.h"

#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/Utils/Cloning.h>

#include <fmt/format.h>

#include "lamina/error.h"

namespace lamina::jit {

namespace {

[[noreturn]] void fail(const std::string& what, llvm::Error e) {
  std::string msg;
  llvm::raw_string_ostream os(msg);
  os << e;
  throw Error(ErrorKind::Internal, fmt::format("{}: {}", what, os.str()), {},
              "this is a bug in Lamina's JIT; --engine interp runs the lambda without it");
}

template <class T>
T unwrap(llvm::Expected<T> v, const std::string& what) {
  if (!v) fail(what, v.takeError());
  return std::move(*v);
}

}  // namespace

CompiledModule::CompiledModule(llvm::orc::ResourceTrackerSP tracker, std::vector<void*> functions)
    : tracker_(std::move(tracker)), functions_(std::move(functions)) {}

CompiledModule::~CompiledModule() {
  if (tracker_) llvm::consumeError(tracker_->remove());
}

JitEngine& JitEngine::instance() {
  static JitEngine engine;
  return engine;
}

JitEngine::JitEngine() {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  auto jtmb = unwrap(llvm::orc::JITTargetMachineBuilder::detectHost(), "cannot detect the host CPU");
  jtmb.setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  tm_ = unwrap(jtmb.createTargetMachine(), "cannot create a target machine");
  jit_ = unwrap(llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(jtmb).create(), "cannot start the JIT");
  jit_->getExecutionSession().setErrorReporter([](llvm::Error e) { llvm::consumeError(std::move(e)); });
}

std::unique_ptr<llvm::Module> JitEngine::new_module(llvm::LLVMContext& context, const std::string& name) {
  auto m = std::make_unique<llvm::Module>(name, context);
  m->setDataLayout(jit_->getDataLayout());
  m->setTargetTriple(tm_->getTargetTriple().str());
  return m;
}

void JitEngine::set_host_attributes(llvm::Function& f) {
  f.addFnAttr("target-cpu", tm_->getTargetCPU());
  f.addFnAttr("target-features", tm_->getTargetFeatureString());
  f.addFnAttr("prefer-vector-width", "512");
  f.addFnAttr("min-legal-vector-width", "512");
}

void JitEngine::optimize(llvm::Module& m) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(tm_.get());
  llvm::TargetLibraryInfoImpl tlii(tm_->getTargetTriple());
  fam.registerPass([&] { return llvm::TargetLibraryAnalysis(tlii); });
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3).run(m, mam);
}

std::string JitEngine::assembly(llvm::Module& m) {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::buffer_ostream bos(os);
  llvm::legacy::PassManager pm;
  auto clone = llvm::CloneModule(m);
  if (tm_->addPassesToEmitFile(pm, bos, nullptr, llvm::CodeGenFileType::AssemblyFile)) return "(assembly output is not supported here)";
  pm.run(*clone);
  return std::string(bos.str());
}

std::shared_ptr<CompiledModule> JitEngine::compile(std::unique_ptr<llvm::Module> module,
                                                   std::unique_ptr<llvm::LLVMContext> context,
                                                   const std::vector<std::string>& names, ModuleText* text) {
  std::lock_guard<std::mutex> lock(compile_mutex_);
  std::string problems;
  llvm::raw_string_ostream os(problems);
  if (llvm::verifyModule(*module, &os))
    throw Error(ErrorKind::Internal, fmt::format("the JIT produced invalid IR: {}", os.str()), {},
                "this is a bug in Lamina's JIT; --engine interp runs the lambda without it");
  optimize(*module);
  if (text) {
    llvm::raw_string_ostream ir(text->llvm_ir);
    module->print(ir, nullptr);
    text->assembly = assembly(*module);
  }
  // Function names must be unique in the JIT's one dylib.
  std::string suffix = fmt::format("_{}", counter_++);
  std::vector<std::string> unique;
  for (const auto& n : names) {
    llvm::Function* f = module->getFunction(n);
    if (f) f->setName(n + suffix);
    unique.push_back(n + suffix);
  }
  auto tracker = jit_->getMainJITDylib().createResourceTracker();
  if (auto e = jit_->addIRModule(tracker, llvm::orc::ThreadSafeModule(std::move(module), std::move(context))))
    fail("cannot add a module to the JIT", std::move(e));
  std::vector<void*> fns;
  for (const auto& n : unique)
    fns.push_back(unwrap(jit_->lookup(n), fmt::format("cannot find compiled kernel {}", n)).toPtr<void*>());
  return std::make_shared<CompiledModule>(std::move(tracker), std::move(fns));
}

}  // namespace lamina::jit
