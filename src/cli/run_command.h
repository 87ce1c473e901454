#pragma once
// `lamina run`: load a model file and run it on .npy inputs.

namespace CLI {
class App;
}

namespace lamina::cli {

void add_run_command(CLI::App& app);

}  // namespace lamina::cli
