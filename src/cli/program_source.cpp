#include "cli/program_source.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace lamina::cli {

ProgramSource load_program(const std::string& expr, const std::string& file) {
  if (file.empty()) return {expr, ""};
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw Error(ErrorKind::File, fmt::format("{}: cannot read the program: it is a directory", file));
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::File, fmt::format("{}: cannot read the program: {}", file, std::strerror(errno)));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return {std::move(text), file};
}

std::string format_cli_error(const Error& error, const ProgramSource& program) {
  if (!error.span().valid()) return error.what();
  std::string text = error.with_source(program.text).what();
  return program.file_name.empty() ? text : program.file_name + ":" + text;
}

}  // namespace lamina::cli
