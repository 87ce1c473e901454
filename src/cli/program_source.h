#pragma once
// The program a command works on (from --expr or --file), and how errors in it are printed.

#include <string>

#include "lamina/error.h"

namespace lamina::cli {

struct ProgramSource {
  std::string text;
  std::string file_name;  // empty for --expr
};

/// The text of --expr, or the contents of --file. Throws lamina::Error (File)
/// when the file cannot be read.
ProgramSource load_program(const std::string& expr, const std::string& file);

/// `error` as the CLI prints it: errors located in the program quote its line
/// with a caret and, for --file, start with the file name ("model.lam:3:5: error: ...").
std::string format_cli_error(const Error& error, const ProgramSource& program);

}  // namespace lamina::cli
