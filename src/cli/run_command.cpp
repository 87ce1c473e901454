#include "cli/run_command.h"

#include <CLI/CLI.hpp>

#include <memory>

#include <fmt/format.h>

#include "cli/bindings.h"
#include "cli/engine_choice.h"
#include "cli/model_command.h"
#include "cli/npy_files.h"
#include "io/npy.h"
#include "lamina/model_file.h"

namespace lamina::cli {
namespace {

struct RunOptions {
  std::string model;
  std::vector<std::string> inputs;   // NAME=PATH.npy, NAME a model input
  std::vector<std::string> outputs;  // PATH.npy, one per model output
  std::string engine = engine_name(kDefaultEngine);
};

void run_model(const RunOptions& o) {
  Model model = load_model(o.model);
  std::vector<std::string> names;
  for (const SymbolicTensor& t : model.inputs()) {
    std::string producer = t.producer();  // "x[0][0]"
    names.push_back(producer.substr(0, producer.find('[')));
  }
  auto paths = bind_to_inputs(o.inputs, names, "--input");
  require_every_input(paths, names, "--input", "{}=PATH.npy");
  if (o.outputs.size() != model.outputs().size())
    throw Error(ErrorKind::Value,
                fmt::format("the model has {} output(s) but {} --output path(s) were given", model.outputs().size(),
                            o.outputs.size()),
                {}, "give one --output PATH.npy per model output, in order");
  std::vector<Tensor> tensors;
  for (const auto& path : paths) tensors.push_back(read_npy(*path));
  write_npy_outputs(o.outputs, model.predict(tensors, 0, parse_engine(o.engine)));
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Load a model file and run it on .npy inputs");
  cmd->add_option("MODEL", o->model, "The model file (written by lamina::save_model)")->required();
  cmd->add_option("--input", o->inputs, "A model input: its name and the .npy file holding its values")
      ->type_name("NAME=PATH.npy");
  cmd->add_option("--output", o->outputs, "Where to save each model output, in order")->type_name("PATH.npy")->required();
  cmd->add_option("--engine", o->engine, "Which engine runs the model: the LLVM JIT or the reference interpreter")
      ->check(CLI::IsMember({"interp", "jit"}))
      ->default_str(engine_name(kDefaultEngine));
  cmd->footer(
      "Examples:\n"
      "  lamina run classifier.lamina --input pixels=batch.npy --output probs.npy\n"
      "  lamina run two_towers.lamina --input a=a.npy --input b=b.npy --output score.npy --engine interp");
  cmd->callback([o] { report_errors([&] { run_model(*o); }); });
}

}  // namespace lamina::cli
