#pragma once
// `lamina explain`: show one stage of the pipeline (tokens, AST, typed IR, loops, LLVM IR, assembly).

namespace CLI {
class App;
}

namespace lamina::cli {

void add_explain_command(CLI::App& app);

}  // namespace lamina::cli
