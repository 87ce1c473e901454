#include "cli/explain_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <utility>
#include <vector>

#include "cli/bindings.h"
#include "cli/parse_shape.h"
#include "cli/program_options.h"
#include "lamina/lambda.h"

namespace lamina::cli {
namespace {

struct ExplainOptions {
  ProgramOptions program;
  std::vector<std::string> shapes;     // NAME=(None,512)
  std::vector<std::string> dtypes;     // NAME=float64
  std::string emit;
};

/// The --emit names, in pipeline order.
const std::vector<std::pair<std::string, Stage>> kStages = {
    {"tokens", Stage::Tokens}, {"ast", Stage::Ast},   {"ir", Stage::Ir},
    {"loops", Stage::Loops},   {"llvm", Stage::Llvm}, {"asm", Stage::Asm}};

/// The option's validator has already rejected names not in kStages.
Stage parse_stage(const std::string& emit) {
  for (const auto& [name, stage] : kStages)
    if (name == emit) return stage;
  return Stage::Ir;
}

/// Stages from the typed IR on need every input's shape.
bool needs_shapes(Stage stage) { return stage != Stage::Tokens && stage != Stage::Ast; }

DType parse_input_dtype(const std::string& name, const std::string& text) {
  std::optional<DType> dtype = parse_dtype(text);
  if (!dtype)
    throw Error(ErrorKind::Type, fmt::format("--input-dtype {}={}: unknown dtype '{}'", name, text, text), {},
                "Lamina's dtypes are float32, float64, int32, int64 and bool");
  return *dtype;
}

/// The signatures to explain with: every input needs a shape from the IR stage on;
/// the earlier stages do not look at them and get none unless all are given.
std::vector<InputSignature> signatures(const ExplainOptions& o, const std::vector<std::string>& names, Stage stage) {
  auto shapes = bind_to_inputs(o.shapes, names, "--input-shape");
  auto dtypes = bind_to_inputs(o.dtypes, names, "--input-dtype");
  std::vector<InputSignature> result;
  for (size_t i = 0; i < names.size(); ++i) {
    DType dtype = dtypes[i] ? parse_input_dtype(names[i], *dtypes[i]) : DType::Float32;
    if (!shapes[i]) continue;
    try {
      result.push_back({names[i], dtype, parse_shape(*shapes[i])});
    } catch (const Error& e) {
      throw Error(e.kind(), fmt::format("--input-shape {}: {}", names[i], e.message()), {}, e.hint());
    }
  }
  if (needs_shapes(stage)) require_every_input(shapes, names, "--input-shape", "'{}=(None, 4)'");
  if (result.size() != names.size()) result.clear();
  return result;
}

void run_explain(const ExplainOptions& o, const ProgramSource& program) {
  Stage stage = parse_stage(o.emit);
  std::map<std::string, Argument> arguments = parse_arguments(o.program.arguments);
  std::vector<std::string> names = tensor_inputs(Lambda::parameter_names(program.text), arguments);
  std::string text = Lambda::explain(program.text, stage, signatures(o, names, stage), arguments);
  std::cout << text;
  if (!text.empty() && text.back() != '\n') std::cout << '\n';
}

}  // namespace

void add_explain_command(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "Show one stage of compiling a lambda: tokens, syntax tree, typed IR, loops, LLVM IR or assembly");
  add_program_options(cmd, o->program, "explain", /*npy_inputs=*/false);
  std::vector<std::string> stage_names;
  for (const auto& entry : kStages) stage_names.push_back(entry.first);
  cmd->add_option("--emit", o->emit, "The stage to show; ir and later stages need --input-shape for every input")
      ->check(CLI::IsMember(stage_names))
      ->required();
  cmd->add_option("--input-shape", o->shapes, "Shape of input NAME, None for a size known only at run time")
      ->type_name("NAME=(None,512)");
  cmd->add_option("--input-dtype", o->dtypes, "Dtype of input NAME (default float32)")->type_name("NAME=DTYPE");
  cmd->footer(
      "Examples:\n"
      "  lamina explain --expr 'softmax(x, axis=-1)' --emit tokens\n"
      "  lamina explain --expr 'lambda x: mean(x, axis=1)' --input-shape 'x=(None, 512)' --emit ir\n"
      "  lamina explain --expr 'relu(x) * 2' --input-shape 'x=(None, 64)' --emit llvm");
  on_program(cmd, o->program, [o](const ProgramSource& program) { run_explain(*o, program); });
}

}  // namespace lamina::cli
