#include "cli/program_options.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace lamina::cli {

void add_program_options(CLI::App* cmd, ProgramOptions& o, const std::string& purpose, bool npy_inputs) {
  auto* source = cmd->add_option_group("program", "The lambda to " + purpose + " (one of):");
  source->add_option("--expr", o.expr, "The lambda's source text, e.g. 'lambda x: x ** 2'");
  source->add_option("--file", o.file, "A file holding the lambda's source")->type_name("F.lam");
  source->require_option(1);
  if (npy_inputs)
    cmd->add_option("--input", o.inputs, "Bind input NAME to an array saved with np.save (once per input)")
        ->type_name("NAME=PATH.npy");
  cmd->add_option("--arg", o.arguments, "Bind lambda parameter NAME to a Python literal: 3, -0.5, True, (2, 3), 'text'")
      ->type_name("NAME=VALUE");
}

void on_program(CLI::App* cmd, const ProgramOptions& o, std::function<void(const ProgramSource&)> run) {
  cmd->callback([&o, run = std::move(run)] {
    ProgramSource program;
    try {
      program = load_program(o.expr, o.file);
      run(program);
    } catch (const Error& e) {
      std::cerr << format_cli_error(e, program) << "\n";
      throw CLI::RuntimeError(1);
    }
  });
}

}  // namespace lamina::cli
