#include "cli/eval_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/bindings.h"
#include "cli/engine_choice.h"
#include "cli/npy_files.h"
#include "cli/program_options.h"
#include "lamina/lambda.h"

namespace lamina::cli {
namespace {

struct EvalOptions {
  ProgramOptions program;
  std::vector<std::string> outputs;  // PATH.npy, one per result
  std::string engine = engine_name(kDefaultEngine);
};

void run_eval(const EvalOptions& o, const ProgramSource& program) {
  std::map<std::string, Argument> arguments = parse_arguments(o.program.arguments);
  NpyInputs inputs = read_npy_inputs(program.text, o.program.inputs, arguments);
  Lambda f = Lambda::compile(program.text, inputs.signatures, arguments);
  require_output_per_result(f.output_count(), o.outputs.size());
  write_npy_outputs(o.outputs, f.run(inputs.tensors, parse_engine(o.engine)));
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand("eval", "Run a lambda on .npy inputs and save its results as .npy files");
  add_program_options(cmd, o->program, "run");
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
  on_program(cmd, o->program, [o](const ProgramSource& program) { run_eval(*o, program); });
}

}  // namespace lamina::cli
