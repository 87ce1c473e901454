// The log sink: one at a time, called under a lock so that replacing it is a clean cut.

#include "core/log.h"

#include <atomic>
#include <mutex>
#include <string>

#include "lamina/error.h"

namespace lamina {

namespace {

constexpr int kSilent = static_cast<int>(LogLevel::Error) + 1;

struct Sink {
  std::mutex mutex;  // held while the sink runs
  LogSink sink;
  std::atomic<int> min_level{kSilent};  // kSilent without a sink, so log_enabled is one load
};

Sink& the_sink() {
  static Sink* s = new Sink;  // never destroyed: threads may log during exit
  return *s;
}

thread_local bool in_sink = false;

}  // namespace

void set_log_sink(LogSink sink, LogLevel min_level) {
  if (in_sink)
    throw Error(ErrorKind::Runtime, "the log callback cannot be replaced from inside the log callback", {},
                "replace it after the callback returns");
  Sink& s = the_sink();
  LogSink old;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    old = std::move(s.sink);
    s.min_level = sink ? static_cast<int>(min_level) : kSilent;
    s.sink = std::move(sink);
  }
}

bool log_enabled(LogLevel level) {
  return static_cast<int>(level) >= the_sink().min_level.load(std::memory_order_relaxed) && !in_sink;
}

void log(LogLevel level, std::string_view message) {
  if (!log_enabled(level)) return;
  Sink& s = the_sink();
  try {
    std::string text(message);
    std::lock_guard<std::mutex> lock(s.mutex);
    if (!s.sink || static_cast<int>(level) < s.min_level) return;
    in_sink = true;
    s.sink(level, text.c_str());
    in_sink = false;
  } catch (...) {  // no memory for the text, or the sink threw: the message is lost, the caller is not
    in_sink = false;
  }
}

}  // namespace lamina
