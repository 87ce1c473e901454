#pragma once
// The --engine option: which engine runs a compiled lambda.

#include <string>

#include "lamina/lambda.h"

namespace lamina::cli {

/// The engine `lamina eval` and `lamina bench` use without --engine: the LLVM JIT.
/// `--engine interp` keeps the reference interpreter.
inline constexpr Engine kDefaultEngine = Engine::Jit;

inline const char* engine_name(Engine e) { return e == Engine::Jit ? "jit" : "interp"; }

/// "interp" or "jit"; the option's validator has already rejected anything else.
inline Engine parse_engine(const std::string& name) { return name == "jit" ? Engine::Jit : Engine::Interpreter; }

}  // namespace lamina::cli
