#pragma once
// What the commands on model files (`lamina run`, `lamina inspect`) share.

#include <functional>

namespace lamina::cli {

/// Runs `work`; a lamina::Error is printed the CLI way and exits with status 1.
void report_errors(const std::function<void()>& work);

}  // namespace lamina::cli
