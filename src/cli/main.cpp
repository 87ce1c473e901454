// lamina: the command-line tool. This file only wires the subcommands together;
// each lives in its own <name>_command.cpp.
//
// Exit status: 0 on success, 1 when Lamina reports an error (in the program,
// an input file, ...), 2 for a malformed command line.

#include <CLI/CLI.hpp>

#include <iostream>
#include <new>

#include "cli/bench_command.h"
#include "cli/eval_command.h"
#include "cli/explain_command.h"
#include "cli/inspect_command.h"
#include "cli/run_command.h"
#include "lamina/version.h"

int main(int argc, char** argv) {
  CLI::App app{"Lamina: compile and run Keras-Lambda-style tensor expressions", "lamina"};
  app.set_version_flag("--version", std::string("lamina ") + LAMINA_VERSION_STRING);
  app.require_subcommand(1);
  app.footer("Run 'lamina <command> --help' for a command's options and examples.");
  lamina::cli::add_eval_command(app);
  lamina::cli::add_explain_command(app);
  lamina::cli::add_bench_command(app);
  lamina::cli::add_run_command(app);
  lamina::cli::add_inspect_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {  // a command failed and has printed why
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);  // prints help, the version, or the usage error
    return status == 0 ? 0 : 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "error: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: internal error (a bug in Lamina, please report it): " << e.what() << "\n";
    return 1;
  }
  return 0;
}
