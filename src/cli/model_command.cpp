#include "cli/model_command.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/program_source.h"
#include "lamina/error.h"

namespace lamina::cli {

void report_errors(const std::function<void()>& work) {
  try {
    work();
  } catch (const Error& e) {
    std::cerr << format_cli_error(e, ProgramSource{}) << "\n";
    throw CLI::RuntimeError(1);
  }
}

}  // namespace lamina::cli
