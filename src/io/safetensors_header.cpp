// The safetensors JSON header, read through nlohmann-json's SAX interface: its
// parser keeps its nesting on a heap stack, not the call stack, and the reader
// below refuses any value that is not where the header's fixed shape puts it,
// so no header nests deeper than three levels before it is refused.

#include "io/safetensors_header.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <optional>
#include <set>

#include "lamina/error.h"

namespace lamina::safetensors {
namespace {

constexpr std::string_view kMetadataKey = "__metadata__";
constexpr const char* kLaminaDTypes = "Lamina reads F32, F64, I32, I64 and BOOL";

/// The safetensors dtype names, and the Lamina dtype of those Lamina holds.
struct DTypeCode {
  std::string_view code;
  std::optional<DType> dtype;
};
constexpr DTypeCode kDTypeCodes[] = {
    {"F32", DType::Float32}, {"F64", DType::Float64}, {"I32", DType::Int32}, {"I64", DType::Int64},
    {"BOOL", DType::Bool},   {"F16", {}},            {"BF16", {}},         {"I8", {}},
    {"U8", {}},              {"I16", {}},            {"U16", {}},          {"U32", {}},
    {"U64", {}},             {"F8_E4M3", {}},        {"F8_E5M2", {}},      {"F8_E8M0", {}},
    {"F4", {}},              {"F6_E2M3", {}},        {"F6_E3M2", {}},      {"C64", {}},
};

std::string_view code_of(DType dtype) {
  for (const DTypeCode& c : kDTypeCodes)
    if (c.dtype == dtype) return c.code;
  return "?";
}

[[noreturn]] void fail(ErrorKind kind, const std::string& name, const std::string& problem,
                       const std::string& hint = {}) {
  throw Error(kind, fmt::format("{}: {}", name, problem), {}, hint);
}

/// Text from the file (a name, a number, a parser message) shortened and made printable for a
/// message; `quoting` also escapes backslashes and single quotes, for text shown inside '...'.
std::string printable(std::string_view text, size_t max_bytes, bool quoting = false) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (out.size() >= max_bytes) {
      // Do not cut a UTF-8 sequence in half: drop its leading bytes already copied.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xc0) == 0x80) out.pop_back();
      if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xc0) out.pop_back();
      return out + "...";
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else if (quoting && (c == '\\' || c == '\'')) out += fmt::format("\\{}", static_cast<char>(c));
    else out += static_cast<char>(c);
  }
  return out;
}

/// nlohmann's message without its "[json.exception...]" tag, position and echo of the input.
std::string json_problem(const std::string& what) {
  std::string_view s = what;
  if (s.starts_with('[')) {
    size_t close = s.find("] ");
    if (close != std::string_view::npos) s.remove_prefix(close + 2);
  }
  if (s.starts_with("parse error")) {
    size_t colon = s.find(": ");
    if (colon != std::string_view::npos) s.remove_prefix(colon + 2);
  }
  size_t echo = s.find("; last read");
  if (echo != std::string_view::npos) s = s.substr(0, echo);
  return printable(s, 200);
}

/// Where the reader is in the header's fixed shape:
///   {"__metadata__": {"key": "value", ...},
///    "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}, ...}
enum class Place { Start, Top, Metadata, Entry, Shape, Offsets, End };

/// A tensor entry as written, before its fields are checked against each other.
struct RawEntry {
  std::string name;
  std::optional<std::string> dtype;
  std::optional<std::vector<uint64_t>> shape;
  std::optional<std::vector<uint64_t>> offsets;
};

/// Receives nlohmann-json's SAX events for a header and builds the checked Header.
/// Every method either accepts the event or throws lamina::Error.
class HeaderReader {
 public:
  HeaderReader(const std::string& name, uint64_t data_bytes, const Limits& limits)
      : name_(name), data_bytes_(data_bytes), limits_(limits) {}

  bool null() { return unexpected("null"); }
  bool boolean(bool value) { return unexpected(value ? "true" : "false"); }
  bool number_integer(int64_t value) {
    return value >= 0 ? number(static_cast<uint64_t>(value)) : unexpected(std::to_string(value));
  }
  bool number_unsigned(uint64_t value) { return number(value); }
  bool number_float(double, const std::string& raw) { return unexpected(printable(raw, 40)); }
  bool binary(nlohmann::json::binary_t&) { return unexpected("binary data"); }
  bool string(std::string& value);
  bool start_object(size_t);
  bool key(std::string& key);
  bool end_object();
  bool start_array(size_t);
  bool end_array();
  bool parse_error(size_t position, const std::string&, const nlohmann::detail::exception& e) {
    fail(ErrorKind::File, name_, fmt::format("the header is not valid JSON: {} (near byte {} of the header)",
                                             json_problem(e.what()), position));
  }

  /// The checked header, once the parser has accepted the whole text.
  Header finish();

 private:
  std::string tensor() const { return fmt::format("tensor {}", in_quotes(entry_.name)); }
  bool number(uint64_t value);
  [[noreturn]] bool unexpected(const std::string& what);
  void check_name_length(const std::string& key, const char* what);
  void finish_entry();
  uint64_t checked_element_count(const std::vector<uint64_t>& shape);

  const std::string& name_;
  uint64_t data_bytes_;
  const Limits& limits_;
  Place place_ = Place::Start;
  std::string field_;  // the field of the tensor entry whose value comes next
  std::string metadata_key_;
  bool seen_metadata_ = false;
  std::set<std::string> names_;  // a tree, not a hash: no hash-flooding with crafted names
  RawEntry entry_;
  Header header_;
};

[[noreturn]] bool HeaderReader::unexpected(const std::string& what) {
  const std::string found = fmt::format("found {}", what);
  switch (place_) {
    case Place::Start:
    case Place::End:
      fail(ErrorKind::File, name_, fmt::format("the header must be one JSON object, {}", found));
    case Place::Top:
      if (entry_.name == kMetadataKey)
        fail(ErrorKind::File, name_, fmt::format("__metadata__ must be an object of strings, {}", found));
      fail(ErrorKind::File, name_,
           fmt::format("{}: expected an object with dtype, shape and data_offsets, {}", tensor(), found));
    case Place::Metadata:
      fail(ErrorKind::File, name_,
           fmt::format("__metadata__ {}: metadata values must be strings, {}", in_quotes(metadata_key_), found));
    case Place::Entry:
      if (field_ == "dtype")
        fail(ErrorKind::File, name_, fmt::format("{}: dtype must be a string such as \"F32\", {}", tensor(), found));
      [[fallthrough]];
    case Place::Shape:
      if (field_ == "shape")
        fail(ErrorKind::File, name_,
             fmt::format("{}: shape must be a list of non-negative integers, {}", tensor(), found));
      [[fallthrough]];
    case Place::Offsets:
      break;
  }
  fail(ErrorKind::File, name_,
       fmt::format("{}: data_offsets must be a list [begin, end] of two non-negative integers, {}", tensor(), found));
}

void HeaderReader::check_name_length(const std::string& key, const char* what) {
  if (key.size() > limits_.max_name_bytes)
    fail(ErrorKind::Limit, name_,
         fmt::format("{} {} is {} bytes long, over the limit of {} (Limits::max_name_bytes)", what, in_quotes(key),
                     key.size(), limits_.max_name_bytes));
}

bool HeaderReader::key(std::string& key) {
  if (place_ == Place::Top) {
    entry_ = RawEntry{};
    if (key == kMetadataKey) {
      if (seen_metadata_) fail(ErrorKind::File, name_, "__metadata__ appears twice");
      seen_metadata_ = true;
    } else {
      check_name_length(key, "tensor name");
      if (!names_.insert(key).second)
        fail(ErrorKind::File, name_, fmt::format("two tensors are named {}", in_quotes(key)));
      if (names_.size() > limits_.max_tensors)
        fail(ErrorKind::Limit, name_,
             fmt::format("the file holds more than {} tensors (Limits::max_tensors)", limits_.max_tensors));
    }
    entry_.name = std::move(key);
  } else if (place_ == Place::Metadata) {
    check_name_length(key, "__metadata__ key");
    if (header_.metadata.count(key))
      fail(ErrorKind::File, name_, fmt::format("__metadata__ key {} appears twice", in_quotes(key)));
    metadata_key_ = std::move(key);
  } else {  // Place::Entry: the only other place with keys
    if (key != "dtype" && key != "shape" && key != "data_offsets")
      fail(ErrorKind::File, name_,
           fmt::format("{}: unknown field {}; a tensor entry holds only dtype, shape and data_offsets", tensor(),
                       in_quotes(key)));
    bool seen = key == "dtype" ? entry_.dtype.has_value()
                : key == "shape" ? entry_.shape.has_value()
                                 : entry_.offsets.has_value();
    if (seen) fail(ErrorKind::File, name_, fmt::format("{}: field {} appears twice", tensor(), key));
    field_ = std::move(key);
  }
  return true;
}

bool HeaderReader::string(std::string& value) {
  if (place_ == Place::Metadata) {
    if (value.size() > limits_.max_metadata_value_bytes)
      fail(ErrorKind::Limit, name_,
           fmt::format("__metadata__ {}: the value is {} bytes long, over the limit of {} "
                       "(Limits::max_metadata_value_bytes)",
                       in_quotes(metadata_key_), value.size(), limits_.max_metadata_value_bytes));
    header_.metadata.emplace(std::move(metadata_key_), std::move(value));
    return true;
  }
  if (place_ == Place::Entry && field_ == "dtype") {
    entry_.dtype = std::move(value);
    return true;
  }
  return unexpected("a string");
}

bool HeaderReader::number(uint64_t value) {
  if (place_ == Place::Shape) {
    if (entry_.shape->size() == limits_.max_rank)
      fail(ErrorKind::Limit, name_,
           fmt::format("{}: the shape has more than {} dimensions (Limits::max_rank)", tensor(), limits_.max_rank));
    uint64_t max_dim = std::min<uint64_t>(limits_.max_dim, std::numeric_limits<int64_t>::max());
    if (value > max_dim)
      fail(ErrorKind::Limit, name_,
           fmt::format("{}: dimension {} of the shape is {}, over the limit of {} (Limits::max_dim)", tensor(),
                       entry_.shape->size(), value, max_dim));
    entry_.shape->push_back(value);
    return true;
  }
  if (place_ == Place::Offsets) {
    if (entry_.offsets->size() == 2) return unexpected("more than two numbers");
    entry_.offsets->push_back(value);
    return true;
  }
  return unexpected(std::to_string(value));
}

bool HeaderReader::start_object(size_t) {
  if (place_ == Place::Start) {
    place_ = Place::Top;
    return true;
  }
  if (place_ == Place::Top) {
    place_ = entry_.name == kMetadataKey ? Place::Metadata : Place::Entry;
    field_.clear();
    return true;
  }
  return unexpected("an object");
}

bool HeaderReader::end_object() {
  if (place_ == Place::Entry) {
    finish_entry();
    place_ = Place::Top;
  } else if (place_ == Place::Metadata) {
    place_ = Place::Top;
  } else {  // Place::Top: the only other place where an object can end
    place_ = Place::End;
  }
  return true;
}

bool HeaderReader::start_array(size_t) {
  if (place_ == Place::Entry && field_ == "shape") {
    entry_.shape.emplace();
    place_ = Place::Shape;
    return true;
  }
  if (place_ == Place::Entry && field_ == "data_offsets") {
    entry_.offsets.emplace();
    place_ = Place::Offsets;
    return true;
  }
  return unexpected("a list");
}

bool HeaderReader::end_array() {
  if (place_ == Place::Offsets && entry_.offsets->size() != 2)
    unexpected(entry_.offsets->empty() ? "an empty list" : "only one number");
  place_ = Place::Entry;  // arrays are only opened inside a tensor entry
  return true;
}

/// The element count of `shape`, multiplied left to right in int64 as lamina::element_count does.
uint64_t HeaderReader::checked_element_count(const std::vector<uint64_t>& shape) {
  Dims dims(shape.begin(), shape.end());  // each dimension is at most 2^63 - 1 (checked by number())
  int64_t count = 1;
  for (int64_t d : dims)
    if (__builtin_mul_overflow(count, d, &count))
      fail(ErrorKind::File, name_,
           fmt::format("{}: shape {} has too many elements (the count must fit in a signed 64-bit integer)",
                       tensor(), format_dims(dims)));
  if (static_cast<uint64_t>(count) > limits_.max_elements)
    fail(ErrorKind::Limit, name_,
         fmt::format("{}: shape {} has {} elements, over the limit of {} (Limits::max_elements)", tensor(),
                     format_dims(dims), count, limits_.max_elements));
  return static_cast<uint64_t>(count);
}

void HeaderReader::finish_entry() {
  for (auto [present, field] : {std::pair{entry_.dtype.has_value(), "dtype"},
                                std::pair{entry_.shape.has_value(), "shape"},
                                std::pair{entry_.offsets.has_value(), "data_offsets"}})
    if (!present) fail(ErrorKind::File, name_, fmt::format("{} has no {}", tensor(), field));

  TensorEntry e;
  const DTypeCode* code = nullptr;
  for (const DTypeCode& c : kDTypeCodes)
    if (c.code == *entry_.dtype) code = &c;
  if (!code)
    fail(ErrorKind::File, name_, fmt::format("{}: unknown dtype {}; {}", tensor(), in_quotes(*entry_.dtype), kLaminaDTypes));
  if (!code->dtype)
    fail(ErrorKind::File, name_, fmt::format("{}: dtype {} is not one Lamina holds; {}", tensor(), code->code, kLaminaDTypes),
         "convert the tensor (for example to F32) before saving the file");
  e.dtype = *code->dtype;

  uint64_t count = checked_element_count(*entry_.shape);
  e.dims.assign(entry_.shape->begin(), entry_.shape->end());
  e.begin = (*entry_.offsets)[0];
  e.end = (*entry_.offsets)[1];
  std::string range = fmt::format("data_offsets [{}, {})", e.begin, e.end);
  if (e.end < e.begin) fail(ErrorKind::File, name_, fmt::format("{}: {} end before they begin", tensor(), range));
  if (e.end > data_bytes_)
    fail(ErrorKind::File, name_,
         fmt::format("{}: {} reach past the end of the data area, which holds {} bytes", tensor(), range, data_bytes_),
         "the file may be truncated");
  unsigned __int128 needed = static_cast<unsigned __int128>(count) * dtype_size(e.dtype);
  if (needed != e.end - e.begin)
    fail(ErrorKind::File, name_,
         fmt::format("{}: {} hold {} bytes but {} {} needs {}", tensor(), range, e.end - e.begin, dtype_name(e.dtype),
                     format_dims(e.dims), static_cast<uint64_t>(needed)));
  e.name = std::move(entry_.name);
  header_.tensors.push_back(std::move(e));
}

Header HeaderReader::finish() {
  std::vector<const TensorEntry*> by_offset;
  for (const TensorEntry& e : header_.tensors) by_offset.push_back(&e);
  std::stable_sort(by_offset.begin(), by_offset.end(), [](const TensorEntry* a, const TensorEntry* b) {
    return std::pair(a->begin, a->end) < std::pair(b->begin, b->end);
  });
  auto no_gaps = [&](uint64_t from, uint64_t to) {
    if (from != to)
      fail(ErrorKind::File, name_,
           fmt::format("bytes [{}, {}) of the data area belong to no tensor; a safetensors file has no gaps", from,
                       to));
  };
  uint64_t covered = 0;
  const TensorEntry* previous = nullptr;
  for (const TensorEntry* e : by_offset) {
    if (e->begin < covered)
      fail(ErrorKind::File, name_,
           fmt::format("tensors {} [{}, {}) and {} [{}, {}) overlap", in_quotes(previous->name), previous->begin,
                       previous->end, in_quotes(e->name), e->begin, e->end));
    no_gaps(covered, e->begin);
    covered = e->end;
    previous = e;
  }
  no_gaps(covered, data_bytes_);
  return std::move(header_);
}

/// `text` as a JSON string; Error (Value) naming `what` when it is not valid UTF-8.
std::string json_string(const std::string& text, const std::string& name, const std::string& what) {
  try {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error&) {
    throw Error(ErrorKind::Value, fmt::format("{}: {} is not valid UTF-8", name, what), {},
                "names and metadata are stored as JSON text, which must be UTF-8");
  }
}

}  // namespace

std::string in_quotes(std::string_view text) { return fmt::format("'{}'", printable(text, 80, true)); }

Header parse_header(std::string_view text, uint64_t data_bytes, const std::string& name, const Limits& limits) {
  if (data_bytes > limits.max_data_bytes)
    fail(ErrorKind::Limit, name,
         fmt::format("the data area holds {} bytes, over the limit of {} (Limits::max_data_bytes)", data_bytes,
                     limits.max_data_bytes));
  if (text.empty() || text.front() != '{')
    fail(ErrorKind::File, name, "not a safetensors file: the header does not start with '{'");
  // nlohmann-json takes a NUL byte for the end of its input; JSON text never holds one.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos)
    fail(ErrorKind::File, name,
         fmt::format("the header is not valid JSON: it holds a NUL byte (near byte {} of the header)", nul + 1),
         "a safetensors header is JSON text, padded only with spaces");
  HeaderReader reader(name, data_bytes, limits);
  nlohmann::json::sax_parse(text.begin(), text.end(), &reader);  // throws from the reader on any problem
  return reader.finish();
}

std::string format_header(const Contents& contents, uint64_t& data_bytes, const std::string& name) {
  std::string out = "{";
  if (!contents.metadata.empty()) {
    out += "\"__metadata__\":{";
    for (const auto& [key, value] : contents.metadata) {
      if (out.back() != '{') out += ',';
      out += json_string(key, name, fmt::format("__metadata__ key {}", in_quotes(key)));
      out += ':';
      out += json_string(value, name, fmt::format("the __metadata__ value of {}", in_quotes(key)));
    }
    out += '}';
  }
  data_bytes = 0;
  for (const NamedTensor& t : contents.tensors) {
    if (t.name == kMetadataKey)
      throw Error(ErrorKind::Value, fmt::format("{}: a tensor cannot be named '__metadata__'", name), {},
                  "the name is reserved for the file's metadata; rename the tensor");
    if (out.back() != '{') out += ',';
    out += json_string(t.name, name, fmt::format("tensor name {}", in_quotes(t.name)));
    out += fmt::format(":{{\"dtype\":\"{}\",\"shape\":[{}],\"data_offsets\":[{},{}]}}", code_of(t.tensor.dtype()),
                       fmt::join(t.tensor.dims(), ","), data_bytes, data_bytes + t.tensor.nbytes());
    data_bytes += t.tensor.nbytes();
  }
  out += '}';
  out.append((8 - out.size() % 8) % 8, ' ');  // 8 + the header length is then a multiple of 8
  return out;
}

}  // namespace lamina::safetensors
