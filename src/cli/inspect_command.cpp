#include "cli/inspect_command.h"

#include <CLI/CLI.hpp>

#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/model_command.h"
#include "lamina/model_file.h"

namespace lamina::cli {
namespace {

/// The sources of the model's own Lambda layers (not those inside nested models).
void print_sources(const std::vector<Layer>& layers) {
  for (const Layer& layer : layers) {
    nlohmann::json config = nlohmann::json::parse(layer.get_config());
    if (layer.class_name() == "Lambda") {
      fmt::print("\nLambda '{}':\n{}\n", layer.name(), config.value("function", ""));
      for (const char* key : {"mask", "output_shape_function"})
        if (config.contains(key)) fmt::print("  {}: {}\n", key, config[key].get<std::string>());
    }
  }
}

void inspect(const std::string& path) {
  Model model = load_model(path);
  fmt::print("{}", model.summary());
  print_sources(model.layers());
  std::vector<Weight> weights = model.weights();
  fmt::print("\nWeights ({}):\n", weights.size());
  for (const Weight& w : weights)
    fmt::print("  {}: {} {}{}\n", w.name, dtype_name(w.value.dtype()), format_dims(w.value.dims()),
               w.trainable ? "" : " non-trainable");
}

}  // namespace

void add_inspect_command(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("inspect", "Show a model file: its summary, each Lambda's source, its weights");
  cmd->add_option("MODEL", *path, "The model file (written by lamina::save_model)")->required();
  cmd->footer("Example:\n  lamina inspect classifier.lamina");
  cmd->callback([path] { report_errors([&] { inspect(*path); }); });
}

}  // namespace lamina::cli
