#include "io/npy_header.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <optional>

#include "io/python_literal.h"
#include "lamina/error.h"

namespace lamina::npy {
namespace {

constexpr const char* kSupported =
    "Lamina reads float32 '<f4', float64 '<f8', int32 '<i4', int64 '<i8' and bool '|b1'";

[[noreturn]] void fail(const std::string& name, const std::string& problem) {
  throw Error(ErrorKind::File, fmt::format("{}: {}", name, problem));
}

/// The supported type codes (the descr without its byte-order character).
std::optional<DType> dtype_of_code(std::string_view code) {
  if (code == "f4") return DType::Float32;
  if (code == "f8") return DType::Float64;
  if (code == "i4") return DType::Int32;
  if (code == "i8") return DType::Int64;
  if (code == "b1") return DType::Bool;
  return std::nullopt;
}

/// NumPy's name for a type code Lamina does not support, for the error message.
std::string describe_code(std::string_view code) {
  if (code.empty()) return "an empty type code";
  std::string_view digits = code.substr(1);
  bool numeric_size = !digits.empty() && digits.size() <= 3 &&
                      std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  int bits = numeric_size ? 8 * std::stoi(std::string(digits)) : 0;
  switch (code[0]) {
    case 'f': return numeric_size ? fmt::format("float{}", bits) : "a float type";
    case 'i': return numeric_size ? fmt::format("int{}", bits) : "an integer type";
    case 'u': return numeric_size ? fmt::format("uint{}", bits) : "an unsigned integer type";
    case 'c': return numeric_size ? fmt::format("complex{}", bits) : "a complex type";
    case 'b': return "a bool of unusual size";
    case 'U': return "a unicode string type";
    case 'S': case 'a': return "a byte string type";
    case 'M': return "datetime64";
    case 'm': return "timedelta64";
    case 'V': return "raw bytes (void)";
    default: return "an unknown type";
  }
}

DType parse_descr(const PyLiteral& descr, const std::string& name) {
  if (descr.kind == PyLiteral::Kind::List)
    fail(name, "structured arrays (with named fields) are not supported; save each field as its own array");
  if (descr.kind != PyLiteral::Kind::Str) fail(name, "malformed header: 'descr' is not a string");
  std::string_view text = descr.text;
  char order = '=';
  if (!text.empty() && (text[0] == '<' || text[0] == '>' || text[0] == '=' || text[0] == '|')) {
    order = text[0];
    text.remove_prefix(1);
  }
  if (text == "O")
    fail(name, "object arrays (dtype 'O') are not supported; convert the array to a numeric dtype "
               "such as a.astype(np.float32) before saving");
  std::optional<DType> dtype = dtype_of_code(text);
  if (!dtype)
    fail(name, fmt::format("unsupported dtype '{}' ({}); {}. Convert it with a.astype(np.float32) or similar",
                           descr.text, describe_code(text), kSupported));
  if (*dtype == DType::Bool) return *dtype;  // one byte: byte order does not apply
  if (order == '>')
    fail(name, fmt::format("array is big-endian ('{}'); save it as little-endian with a.astype('<{}')",
                           descr.text, text));
  if (order == '|')
    fail(name, fmt::format("dtype '{}' has no byte order although it is {} bytes wide; expected '<{}'",
                           descr.text, dtype_size(*dtype), text));
  return *dtype;
}

Dims parse_shape(const PyLiteral& shape, const std::string& name) {
  if (shape.kind != PyLiteral::Kind::Tuple) fail(name, "malformed header: 'shape' is not a tuple of integers");
  Dims dims;
  for (const PyLiteral& d : shape.items) {
    if (d.kind != PyLiteral::Kind::Int) fail(name, "malformed header: 'shape' is not a tuple of integers");
    if (d.integer < 0) fail(name, fmt::format("malformed header: negative dimension {} in 'shape'", d.integer));
    dims.push_back(d.integer);
  }
  return dims;
}

}  // namespace

Header parse_header(std::string_view text, const std::string& name) {
  PyLiteral dict;
  try {
    dict = parse_python_literal(text);
  } catch (const LiteralSyntaxError& e) {
    fail(name, fmt::format("malformed header: {} at byte {} of the header dictionary", e.what(), e.offset()));
  }
  if (dict.kind != PyLiteral::Kind::Dict) fail(name, "malformed header: it is not a dictionary");

  const PyLiteral* descr = nullptr;
  const PyLiteral* fortran_order = nullptr;
  const PyLiteral* shape = nullptr;
  for (size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    const PyLiteral& key = dict.items[i];
    const PyLiteral* value = &dict.items[i + 1];
    if (key.kind != PyLiteral::Kind::Str) fail(name, "malformed header: a key is not a string");
    if (key.text == "descr") descr = value;
    else if (key.text == "fortran_order") fortran_order = value;
    else if (key.text == "shape") shape = value;
    else fail(name, fmt::format("malformed header: unexpected key '{}'", key.text));
  }
  for (auto [field, key] : {std::pair{descr, "descr"}, {fortran_order, "fortran_order"}, {shape, "shape"}})
    if (!field) fail(name, fmt::format("malformed header: the key '{}' is missing", key));

  Header header;
  header.dtype = parse_descr(*descr, name);
  header.dims = parse_shape(*shape, name);
  if (fortran_order->kind != PyLiteral::Kind::Bool)
    fail(name, "malformed header: 'fortran_order' is not True or False");
  // For 0-d and 1-d arrays both orders are the same bytes.
  if (fortran_order->boolean && header.dims.size() > 1)
    fail(name, "array is stored in Fortran order; save it with np.save(path, np.ascontiguousarray(a))");

  int64_t count = 0;
  try {
    count = element_count(header.dims);
  } catch (const Error&) {
    count = -1;
  }
  auto item = static_cast<int64_t>(dtype_size(header.dtype));
  if (count < 0 || count > std::numeric_limits<int64_t>::max() / item)
    fail(name, fmt::format("shape {} is too large: its size does not fit in 64 bits", format_dims(header.dims)));
  header.data_bytes = count * item;
  return header;
}

std::string format_header(DType dtype, const Dims& dims) {
  std::string_view descr;
  switch (dtype) {
    case DType::Float32: descr = "<f4"; break;
    case DType::Float64: descr = "<f8"; break;
    case DType::Int32: descr = "<i4"; break;
    case DType::Int64: descr = "<i8"; break;
    case DType::Bool: descr = "|b1"; break;
  }
  std::string text = fmt::format("{{'descr': '{}', 'fortran_order': False, 'shape': {}, }}", descr, format_dims(dims));
  // NumPy leaves room for the first dimension to grow to 21 digits in place.
  constexpr size_t kGrowthAxisMaxDigits = 21;
  if (!dims.empty()) {
    size_t digits = fmt::formatted_size("{}", dims[0]);
    if (digits < kGrowthAxisMaxDigits) text.append(kGrowthAxisMaxDigits - digits, ' ');
  }
  return text;
}

}  // namespace lamina::npy
