#pragma once
// `lamina eval`: run a lambda on .npy inputs and write its results as .npy files.

namespace CLI {
class App;
}

namespace lamina::cli {

void add_eval_command(CLI::App& app);

}  // namespace lamina::cli
