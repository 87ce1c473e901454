#pragma once
// `lamina bench`: time repeated calls of a lambda on .npy inputs.

namespace CLI {
class App;
}

namespace lamina::cli {

void add_bench_command(CLI::App& app);

}  // namespace lamina::cli
