// Static dimensions and shapes.

#include "ir/dim.h"

#include "lamina/error.h"

namespace lamina::ir {

namespace {

std::string format_dim(Dim d) {
  if (d.known()) return std::to_string(d.value());
  if (d.symbol_id() == 0) return "None";
  return "?" + std::to_string(d.symbol_id());
}

}  // namespace

std::string format_shape(const Shape& s) {
  std::string out = "(";
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0) out += ", ";
    out += format_dim(s[i]);
  }
  if (s.size() == 1) out += ",";
  return out + ")";
}

bool fully_known(const Shape& s) {
  for (Dim d : s)
    if (!d.known()) return false;
  return true;
}

Dims to_dims(const Shape& s) {
  Dims d;
  d.reserve(s.size());
  for (Dim x : s) {
    if (!x.known())
      throw Error(ErrorKind::Internal, "shape " + format_shape(s) + " has a dimension unknown at run time");
    d.push_back(x.value());
  }
  return d;
}

Shape to_shape(const Dims& d) {
  Shape s;
  s.reserve(d.size());
  for (int64_t x : d) s.push_back(Dim(x));
  return s;
}

}  // namespace lamina::ir
