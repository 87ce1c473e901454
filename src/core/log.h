#pragma once
// The library's diagnostics channel: what a host may want to see but that is not an
// error of the call at hand (a JIT compile and its time, a cache that cannot be
// written). Silent until a host installs a sink (lamina_set_log_callback in the C API).
//
// Example:
//   if (lamina::log_enabled(lamina::LogLevel::Info))
//     lamina::log(lamina::LogLevel::Info, fmt::format("compiled in {:.1f} ms", ms));

#include <functional>
#include <string_view>

namespace lamina {

enum class LogLevel { Debug, Info, Warning, Error };

/// Receives each message at or above the sink's level; `message` is valid only during the
/// call. Called from whichever thread logs, one call at a time.
using LogSink = std::function<void(LogLevel level, const char* message)>;

/// Installs `sink` (empty: none) for messages at `min_level` and above. When this
/// returns, the previous sink is not running and will not be called again. Thread-safe.
/// Throws lamina::Error (Runtime) when called from inside a sink.
void set_log_sink(LogSink sink, LogLevel min_level);

/// Whether a message at `level` would reach a sink (to skip formatting it otherwise).
bool log_enabled(LogLevel level);

/// Sends `message` to the sink. Messages logged from inside the sink itself are dropped
/// (no recursion). Never throws: a sink's exception is swallowed.
void log(LogLevel level, std::string_view message);

}  // namespace lamina
