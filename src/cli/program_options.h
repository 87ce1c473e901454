#pragma once
// The options every command that runs a lambda shares: which program
// (--expr or --file), its inputs (--input) and its bound arguments (--arg),
// and the one way a command reports a Lamina error before exiting with status 1.

#include <functional>
#include <string>
#include <vector>

#include "cli/program_source.h"

namespace CLI {
class App;
}

namespace lamina::cli {

struct ProgramOptions {
  std::string expr;
  std::string file;
  std::vector<std::string> inputs;     // NAME=PATH.npy (eval, bench)
  std::vector<std::string> arguments;  // NAME=VALUE
};

/// Adds --expr/--file (exactly one required), --input (with `npy_inputs`) and
/// --arg to `cmd`. `purpose` completes "The lambda to ..." in the help ("run").
void add_program_options(CLI::App* cmd, ProgramOptions& o, const std::string& purpose, bool npy_inputs = true);

/// Makes `cmd` load the program named by `o` and pass it to `run`; a
/// lamina::Error is printed the CLI way (quoting the program) and exits with 1.
void on_program(CLI::App* cmd, const ProgramOptions& o, std::function<void(const ProgramSource&)> run);

}  // namespace lamina::cli
