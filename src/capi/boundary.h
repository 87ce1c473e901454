#pragma once
// The edge between C callers and the C++ library: every C function's body runs inside
// `boundary`, which turns any exception into a lamina_status and logs it, so nothing
// throws across the C API and nothing aborts.
//
// Example:
//   lamina_status* lamina_tensor_create(...) {
//     return capi::boundary("lamina_tensor_create", [&] {
//       capi::require(out != nullptr, "out is NULL");
//       ...
//     });
//   }

#include <string>

#include "lamina/lamina.h"

namespace lamina::capi {

/// A mistake in the calling code (NULL pointer, bad count, ...): becomes a status with
/// code LAMINA_INVALID_ARGUMENT whose message starts with the function's name.
struct InvalidArgument {
  std::string message;
};

/// Throws InvalidArgument(message) unless `ok`.
inline void require(bool ok, const char* message) {
  if (!ok) throw InvalidArgument{message};
}
[[noreturn]] inline void invalid(std::string message) { throw InvalidArgument{std::move(message)}; }

/// The status for the exception being handled (call only inside a catch block).
/// Never throws: without memory for a status it returns a shared out-of-memory status.
lamina_status* current_exception_status(const char* function) noexcept;

/// Runs `body`; NULL when it returns, the failure's status when it throws.
template <class Body>
lamina_status* boundary(const char* function, Body&& body) noexcept {
  try {
    body();
    return nullptr;
  } catch (...) {
    return current_exception_status(function);
  }
}

}  // namespace lamina::capi
