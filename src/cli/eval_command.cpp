#include "cli/eval_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/bindings.h"
#include "cli/engine_choice.h"
#include "cli/npy_files.h"
#include "cli/program_source.h"
#include "lamina/lambda.h"

namespace lamina::cli {
namespace {

struct EvalOptions {
  std::string expr;
  std::string file;
  std::vector<std::string> inputs;   // NAME=PATH.npy
  std::vector<std::string> arguments;  // NAME=VALUE
  std::vector<std::string> outputs;  // PATH.npy, one per result
  std::string engine = engine_name(kDefaultEngine);
};

void run_eval(const EvalOptions& o, const ProgramSource& program) {
  std::map<std::string, Argument> arguments = parse_arguments(o.arguments);
  NpyInputs inputs = read_npy_inputs(program.text, o.inputs, arguments);
  Lambda f = Lambda::compile(program.text, inputs.signatures, arguments);
  require_output_per_result(f.output_count(), o.outputs.size());
  write_npy_outputs(o.outputs, f.run(inputs.tensors, parse_engine(o.engine)));
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand("eval", "Run a lambda on .npy inputs and save its results as .npy files");
  auto* source = cmd->add_option_group("program", "The lambda to run (one of):");
  source->add_option("--expr", o->expr, "The lambda's source text, e.g. 'lambda x: x ** 2'");
  source->add_option("--file", o->file, "A file holding the lambda's source")->type_name("F.lam");
  source->require_option(1);
  cmd->add_option("--input", o->inputs, "Bind input NAME to an array saved with np.save (once per input)")
      ->type_name("NAME=PATH.npy");
  cmd->add_option("--arg", o->arguments, "Bind lambda parameter NAME to a Python literal: 3, -0.5, True, (2, 3), 'text'")
      ->type_name("NAME=VALUE");
  cmd->add_option("--output", o->outputs, "Where to save each result, in order (once per result)")
      ->type_name("PATH.npy")
      ->required();
  cmd->add_option("--engine", o->engine, "Which engine runs the lambda: the LLVM JIT or the reference interpreter")
      ->check(CLI::IsMember({"interp", "jit"}))
      ->default_str(engine_name(kDefaultEngine));
  cmd->footer(
      "Examples:\n"
      "  lamina eval --expr 'x ** 2' --input x=x.npy --output y.npy\n"
      "  lamina eval --expr 'lambda a, b: (a + b, a * b)' --input a=a.npy --input b=b.npy \\\n"
      "              --output sum.npy --output product.npy\n"
      "  lamina eval --expr 'lambda x, axis: sum(x, axis=axis)' --input x=x.npy --arg axis=1 --output y.npy");
  cmd->callback([o] {
    ProgramSource program;
    try {
      program = load_program(o->expr, o->file);
      run_eval(*o, program);
    } catch (const Error& e) {
      std::cerr << format_cli_error(e, program) << "\n";
      throw CLI::RuntimeError(1);
    }
  });
}

}  // namespace lamina::cli
