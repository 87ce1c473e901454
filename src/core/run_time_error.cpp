#include "core/run_time_error.h"

namespace lamina {

Error at_run_time(const Error& e) {
  switch (e.kind()) {
    case ErrorKind::Shape:
    case ErrorKind::Axis:
    case ErrorKind::Type:
    case ErrorKind::Value: return Error(ErrorKind::Runtime, e.message(), e.span(), e.hint());
    default: return e;
  }
}

}  // namespace lamina
