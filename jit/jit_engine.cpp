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
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/xxhash.h>

#include <unistd.h>

#include <cstdlib>
#include <optional>

#include <fmt/format.h>

#include "core/log.h"
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

CompiledModule::CompiledModule(llvm::orc::ExecutionSession& es, llvm::orc::JITDylib* dylib, std::vector<void*> functions)
    : es_(es), dylib_(dylib), functions_(std::move(functions)) {}

CompiledModule::~CompiledModule() {
  if (dylib_) llvm::consumeError(es_.removeJITDylib(*dylib_));
}

JitEngine& JitEngine::instance() {
  // Never destroyed: compiled modules held by static objects (the compile cache)
  // are freed at exit after function-local statics, and need the JIT alive.
  static JitEngine* engine = new JitEngine;
  return *engine;
}

JitEngine::JitEngine() {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  auto jtmb = unwrap(llvm::orc::JITTargetMachineBuilder::detectHost(), "cannot detect the host CPU");
  jtmb.setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  tm_ = unwrap(jtmb.createTargetMachine(), "cannot create a target machine");
  jit_ = unwrap(llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(jtmb).create(), "cannot start the JIT");
  jit_->getExecutionSession().setErrorReporter([](llvm::Error e) { llvm::consumeError(std::move(e)); });
  if (const char* dir = std::getenv("LAMINA_JIT_CACHE")) cache_dir_ = dir;
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

std::string JitEngine::emit(llvm::Module& m, llvm::CodeGenFileType type) {
  llvm::SmallVector<char, 0> out;
  llvm::raw_svector_ostream os(out);
  llvm::legacy::PassManager pm;
  if (tm_->addPassesToEmitFile(pm, os, nullptr, type))
    throw Error(ErrorKind::Internal, "the host target cannot emit machine code");
  pm.run(m);
  return std::string(out.begin(), out.end());
}

std::string JitEngine::cache_key(llvm::Module& m) {
  std::string text;
  llvm::raw_string_ostream os(text);
  m.print(os, nullptr);
  os << tm_->getTargetCPU() << '|' << tm_->getTargetFeatureString() << '|' << LLVM_VERSION_STRING << "|O3|lamina-1";
  return fmt::format("{:016x}", llvm::xxh3_64bits(llvm::StringRef(os.str())));
}

namespace {

std::optional<std::string> read_file(const std::string& path) {
  auto buf = llvm::MemoryBuffer::getFile(path);
  if (!buf) return std::nullopt;
  return (*buf)->getBuffer().str();
}

/// The cache is an optimisation: failing to write it is not an error, only worth a warning.
void warn_cache_unwritable(const std::string& path, const std::error_code& ec) {
  log(LogLevel::Warning, fmt::format("cannot write the JIT cache file {}: {}; later processes will compile this "
                                     "lambda again (check LAMINA_JIT_CACHE)", path, ec.message()));
}

/// Writes atomically (a temporary file renamed into place), so a concurrent reader never sees half a file.
void write_file(const std::string& dir, const std::string& path, const std::string& bytes) {
  std::error_code ec = llvm::sys::fs::create_directories(dir);
  if (ec) return warn_cache_unwritable(path, ec);
  std::string tmp = fmt::format("{}.tmp{}", path, static_cast<long>(::getpid()));
  {
    llvm::raw_fd_ostream out(tmp, ec);
    if (ec) return warn_cache_unwritable(path, ec);
    out << bytes;
  }
  if ((ec = llvm::sys::fs::rename(tmp, path))) {
    llvm::sys::fs::remove(tmp);
    warn_cache_unwritable(path, ec);
  }
}

}  // namespace

std::shared_ptr<CompiledModule> JitEngine::compile(std::unique_ptr<llvm::Module> module,
                                                   std::unique_ptr<llvm::LLVMContext> context,
                                                   const std::vector<std::string>& names, ModuleText* text) {
  std::lock_guard<std::mutex> lock(compile_mutex_);
  std::string problems;
  llvm::raw_string_ostream os(problems);
  if (llvm::verifyModule(*module, &os))
    throw Error(ErrorKind::Internal, fmt::format("the JIT produced invalid IR: {}", os.str()), {},
                "this is a bug in Lamina's JIT; --engine interp runs the lambda without it");

  std::string path, object;
  if (!cache_dir_.empty() && !text) {
    path = fmt::format("{}/{}.o", cache_dir_, cache_key(*module));
    if (auto cached = read_file(path)) {
      object = std::move(*cached);
      ++cache_hits_;
      if (log_enabled(LogLevel::Debug)) log(LogLevel::Debug, fmt::format("loaded compiled kernels from {}", path));
    }
  }
  if (object.empty()) {
    optimize(*module);
    if (text) {
      llvm::raw_string_ostream ir(text->llvm_ir);
      module->print(ir, nullptr);
      auto clone = llvm::CloneModule(*module);
      text->assembly = emit(*clone, llvm::CodeGenFileType::AssemblyFile);
    }
    object = emit(*module, llvm::CodeGenFileType::ObjectFile);
    if (!path.empty()) write_file(cache_dir_, path, object);
  }
  module.reset();
  context.reset();

  // Each module gets its own dylib, so kernel names never clash and freeing is exact.
  auto dylib = jit_->createJITDylib(fmt::format("lamina{}", counter_++));
  if (!dylib) fail("cannot create a JIT dylib", dylib.takeError());
  llvm::orc::JITDylib& jd = *dylib;
  if (auto e = jit_->addObjectFile(jd, llvm::MemoryBuffer::getMemBufferCopy(object, "lamina-kernels")))
    fail("cannot load compiled kernels", std::move(e));
  std::vector<void*> fns;
  for (const auto& n : names)
    fns.push_back(unwrap(jit_->lookup(jd, n), fmt::format("cannot find compiled kernel {}", n)).toPtr<void*>());
  return std::make_shared<CompiledModule>(jit_->getExecutionSession(), &jd, std::move(fns));
}

}  // namespace lamina::jit
