#pragma once
// `lamina inspect`: what a model file holds — its summary, each Lambda's DSL
// source, and its weights with their shapes and dtypes.

namespace CLI {
class App;
}

namespace lamina::cli {

void add_inspect_command(CLI::App& app);

}  // namespace lamina::cli
