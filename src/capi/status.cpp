// Statuses: the exception being handled, turned into a code and a message for C.

#include <fmt/format.h>

#include <exception>
#include <memory>
#include <new>

#include "capi/boundary.h"
#include "capi/handles.h"
#include "core/log.h"
#include "lamina/error.h"

namespace lamina::capi {

namespace {

/// Handed out when there is no memory for a status of its own; lamina_status_free skips it.
lamina_status* out_of_memory_status() noexcept {
  static lamina_status status{LAMINA_OUT_OF_MEMORY, "out of memory", 0, 0};  // fits the small-string buffer
  return &status;
}

lamina_code code_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Syntax: return LAMINA_SYNTAX_ERROR;
    case ErrorKind::Name: return LAMINA_NAME_ERROR;
    case ErrorKind::Call: return LAMINA_CALL_ERROR;
    case ErrorKind::Shape: return LAMINA_SHAPE_ERROR;
    case ErrorKind::Axis: return LAMINA_AXIS_ERROR;
    case ErrorKind::Type: return LAMINA_TYPE_ERROR;
    case ErrorKind::Value: return LAMINA_VALUE_ERROR;
    case ErrorKind::Runtime: return LAMINA_RUNTIME_ERROR;
    case ErrorKind::File: return LAMINA_FILE_ERROR;
    case ErrorKind::Limit: return LAMINA_LIMIT_ERROR;
    case ErrorKind::Internal: return LAMINA_INTERNAL_ERROR;
  }
  return LAMINA_INTERNAL_ERROR;
}

/// The status of the exception being handled; its message names `function` unless it is
/// a diagnostic of the user's source or data (which reads the same from C++ and the CLI).
std::unique_ptr<lamina_status> status_for_current_exception(const char* function) {
  auto s = std::make_unique<lamina_status>();
  try {
    throw;
  } catch (const InvalidArgument& e) {
    s->code = LAMINA_INVALID_ARGUMENT;
    s->message = fmt::format("{}: {}", function, e.message);
  } catch (const Error& e) {
    s->code = code_of(e.kind());
    s->message = e.what();
    s->line = e.span().line;
    s->column = e.span().column;
  } catch (const std::bad_alloc&) {
    return nullptr;
  } catch (const std::exception& e) {
    s->code = LAMINA_INTERNAL_ERROR;
    s->message = fmt::format("{}: internal error: {} (this is a bug in Lamina; please report it)", function, e.what());
  } catch (...) {
    s->code = LAMINA_INTERNAL_ERROR;
    s->message = fmt::format("{}: internal error: an unknown exception (this is a bug in Lamina; please report it)",
                             function);
  }
  return s;
}

}  // namespace

lamina_status* current_exception_status(const char* function) noexcept {
  std::unique_ptr<lamina_status> s;
  try {
    s = status_for_current_exception(function);
  } catch (...) {  // no memory for the status or its message
  }
  if (!s) return out_of_memory_status();
  if (log_enabled(LogLevel::Error)) {
    try {
      bool named = s->message.starts_with(function);
      log(LogLevel::Error, named ? s->message : fmt::format("{}: {}", function, s->message));
    } catch (...) {  // no memory to format the log line: the status still reaches the caller
    }
  }
  return s.release();
}

}  // namespace lamina::capi

extern "C" {

lamina_code lamina_status_code(const lamina_status* status) { return status ? status->code : LAMINA_OK; }

const char* lamina_status_message(const lamina_status* status) { return status ? status->message.c_str() : ""; }

int lamina_status_line(const lamina_status* status) { return status ? status->line : 0; }

int lamina_status_column(const lamina_status* status) { return status ? status->column : 0; }

void lamina_status_free(lamina_status* status) {
  if (status != lamina::capi::out_of_memory_status()) delete status;
}

}  // extern "C"
