#pragma once
// The process-wide ORC LLJIT: optimises modules for the host CPU and makes
// their functions callable. Compiles are serialised; lookups and calls of
// compiled code may run concurrently.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/IR/Module.h>
#include <llvm/Target/TargetMachine.h>

namespace lamina::jit {

/// Compiled code that stays alive while this object does.
class CompiledModule {
 public:
  CompiledModule(llvm::orc::ExecutionSession& es, llvm::orc::JITDylib* dylib, std::vector<void*> functions);
  ~CompiledModule();
  CompiledModule(const CompiledModule&) = delete;
  CompiledModule& operator=(const CompiledModule&) = delete;
  void* function(size_t i) const { return functions_.at(i); }

 private:
  llvm::orc::ExecutionSession& es_;
  llvm::orc::JITDylib* dylib_;  // one per compiled module, removed with it
  std::vector<void*> functions_;
};

/// What `lamina explain --emit llvm|asm` shows for a module.
struct ModuleText {
  std::string llvm_ir;  // after optimisation
  std::string assembly;
};

class JitEngine {
 public:
  static JitEngine& instance();

  /// A fresh module set up for the host (triple, data layout).
  std::unique_ptr<llvm::Module> new_module(llvm::LLVMContext& context, const std::string& name);
  /// Marks `f` to be compiled for the host CPU with 512-bit vectors where it has them.
  void set_host_attributes(llvm::Function& f);

  /// Optimises and compiles `module`, returning the addresses of `names` in order.
  /// Throws lamina::Error(Internal) if LLVM rejects the module. With a cache
  /// directory set (LAMINA_JIT_CACHE, or set_cache_dir), the machine code is
  /// kept on disk keyed by a hash of the IR, the CPU, its features and the
  /// LLVM version, and a later compile of the same module only loads it.
  std::shared_ptr<CompiledModule> compile(std::unique_ptr<llvm::Module> module,
                                          std::unique_ptr<llvm::LLVMContext> context,
                                          const std::vector<std::string>& names, ModuleText* text = nullptr);

 private:
  JitEngine();
  void optimize(llvm::Module& m);
  std::string emit(llvm::Module& m, llvm::CodeGenFileType type);
  std::string cache_key(llvm::Module& m);

  std::unique_ptr<llvm::orc::LLJIT> jit_;
  std::unique_ptr<llvm::TargetMachine> tm_;
  std::mutex compile_mutex_;
  uint64_t counter_ = 0;
  std::string cache_dir_;

 public:
  /// "" turns the disk cache off. Not thread-safe with concurrent compiles.
  void set_cache_dir(std::string dir) { cache_dir_ = std::move(dir); }
  /// Compiles served from the disk cache so far (for tests and `lamina bench`).
  uint64_t cache_hits() const { return cache_hits_; }

 private:
  uint64_t cache_hits_ = 0;
};

}  // namespace lamina::jit
