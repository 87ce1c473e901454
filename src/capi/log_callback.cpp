// lamina_set_log_callback: the host's callback as the library's log sink.

#include <fmt/format.h>

#include "capi/boundary.h"
#include "core/log.h"

extern "C" {

lamina_status* lamina_set_log_callback(lamina_log_callback callback, void* user_data, lamina_log_level min_level) {
  return lamina::capi::boundary("lamina_set_log_callback", [&] {
    if (min_level < LAMINA_LOG_DEBUG || min_level > LAMINA_LOG_ERROR)
      lamina::capi::invalid(fmt::format("min_level {} is not a lamina_log_level (LAMINA_LOG_DEBUG to LAMINA_LOG_ERROR)",
                                        static_cast<int>(min_level)));
    lamina::LogSink sink;
    if (callback)
      sink = [callback, user_data](lamina::LogLevel level, const char* message) {
        callback(user_data, static_cast<lamina_log_level>(level), message);
      };
    lamina::set_log_sink(std::move(sink), static_cast<lamina::LogLevel>(min_level));
  });
}

}  // extern "C"
