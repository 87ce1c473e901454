#pragma once
// Errors found when a lambda is checked again on concrete inputs at run time.

#include "lamina/error.h"

namespace lamina {

/// `e` as a run-time error: the interpreter and the JIT re-check shapes on the
/// inputs of each call, and a problem they find there (an axis that is empty
/// at this batch size, sizes that only fit for some batch sizes) is about the
/// inputs, which passed the compiled signature: kind Runtime, not the
/// compile-time kind (Shape, Axis, Type, Value) the same check gives when a
/// lambda is compiled. Other kinds (Limit, Internal, ...) are kept. The
/// message, span and hint are kept.
Error at_run_time(const Error& e);

}  // namespace lamina
