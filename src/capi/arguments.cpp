// Named compile-time arguments: a name → value map filled one binding at a time.

#include <fmt/format.h>

#include <cctype>
#include <cstring>

#include "capi/boundary.h"
#include "capi/handles.h"

namespace lamina::capi {

namespace {

bool is_identifier(const char* name) {
  if (!std::isalpha(static_cast<unsigned char>(name[0])) && name[0] != '_') return false;
  for (const char* c = name; *c; ++c)
    if (!std::isalnum(static_cast<unsigned char>(*c)) && *c != '_') return false;
  return true;
}

/// Binds `name` in `arguments` to `value()` after checking both pointers and the name.
template <class Value>
lamina_status* set(const char* function, lamina_arguments* arguments, const char* name, Value&& value) {
  return boundary(function, [&] {
    require(arguments != nullptr, "arguments is NULL; create the set with lamina_arguments_create");
    require(name != nullptr, "name is NULL");
    if (!is_identifier(name))
      invalid(fmt::format("'{}' is not a name a lambda can use: letters, digits and _, not starting with a digit",
                          name));
    arguments->values.insert_or_assign(name, value());
  });
}

}  // namespace

}  // namespace lamina::capi

using lamina::Argument;

extern "C" {

lamina_status* lamina_arguments_create(lamina_arguments** out) {
  if (out) *out = nullptr;
  return lamina::capi::boundary("lamina_arguments_create", [&] {
    lamina::capi::require(out != nullptr, "out is NULL; pass the address of a lamina_arguments* to receive the set");
    *out = new lamina_arguments;
  });
}

void lamina_arguments_free(lamina_arguments* arguments) { delete arguments; }

lamina_status* lamina_arguments_set_int(lamina_arguments* arguments, const char* name, int64_t value) {
  return lamina::capi::set("lamina_arguments_set_int", arguments, name, [&] { return Argument(value); });
}

lamina_status* lamina_arguments_set_float(lamina_arguments* arguments, const char* name, double value) {
  return lamina::capi::set("lamina_arguments_set_float", arguments, name, [&] { return Argument(value); });
}

lamina_status* lamina_arguments_set_bool(lamina_arguments* arguments, const char* name, int value) {
  return lamina::capi::set("lamina_arguments_set_bool", arguments, name, [&] { return Argument(value != 0); });
}

lamina_status* lamina_arguments_set_literal(lamina_arguments* arguments, const char* name, const char* python_literal) {
  return lamina::capi::set("lamina_arguments_set_literal", arguments, name, [&] {
    lamina::capi::require(python_literal != nullptr, "python_literal is NULL; pass text such as \"(2, 3)\"");
    return Argument::parse(python_literal);
  });
}

}  // extern "C"
