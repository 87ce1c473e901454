#pragma once
// Reads the `lamina-example` blocks of docs/language.md: each block is a lambda,
// its inputs and arguments, and the results (or errors) it must produce. The
// format is described in the section "Reading the examples" of that page:
//
//   ```lamina-example
//   source: sum(x, axis=ax)
//   x: float32 (None, 2) [[1, 2], [3, 4]]
//   arg ax: 1
//   result: float32 (2,) [3, 7]
//   ```
//
// A malformed block is reported as std::runtime_error naming its line, so a
// typo in the page fails the suite instead of silently skipping an example.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lamina/dtype.h"
#include "lamina/error.h"
#include "lamina/lambda.h"
#include "lamina/tensor.h"

namespace lamina::doc {

/// A tensor written in an example: a name (inputs only), the signature shape it
/// is compiled for (nullopt = None), and its concrete value.
struct TensorSpec {
  std::string name;
  std::vector<std::optional<int64_t>> signature;
  Tensor value;
};

struct Example {
  int line = 0;          // line of the opening fence in the page (1-based)
  std::string section;   // the enclosing "## " heading
  std::string source;
  std::vector<TensorSpec> inputs;
  std::map<std::string, Argument> arguments;
  std::vector<TensorSpec> results;
  std::vector<std::string> errors;  // texts the error message must contain
  std::string known_bug;            // non-empty: documented behaviour Lamina lacks
};

namespace detail {

[[noreturn]] inline void fail(int line, const std::string& message) {
  throw std::runtime_error(fmt::format("docs/language.md:{}: {}", line, message));
}

/// A nested list of numbers ("[[1, 2], [3, nan]]", "-inf", "True") with its shape.
class ValueReader {
 public:
  ValueReader(const std::string& text, int line) : s_(text), line_(line) {}

  void read(Dims& dims, std::vector<double>& values) {
    Node root = node();
    skip_space();
    if (pos_ != s_.size()) fail(line_, fmt::format("unexpected '{}' in values '{}'", s_.substr(pos_), s_));
    // The shape is read down the first items; every other item must agree with it.
    for (const Node* n = &root; n->is_list; n = &n->items[0]) {
      dims.push_back(static_cast<int64_t>(n->items.size()));
      if (n->items.empty()) break;
    }
    flatten(root, 0, dims, values);
  }

 private:
  struct Node {
    bool is_list = false;
    double number = 0;
    std::vector<Node> items;
  };

  void flatten(const Node& n, size_t depth, const Dims& dims, std::vector<double>& values) const {
    if (depth == dims.size()) {
      if (n.is_list) fail(line_, fmt::format("ragged values '{}'", s_));
      values.push_back(n.number);
      return;
    }
    if (!n.is_list || static_cast<int64_t>(n.items.size()) != dims[depth])
      fail(line_, fmt::format("ragged values '{}'", s_));
    for (const Node& item : n.items) flatten(item, depth + 1, dims, values);
  }

  void skip_space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool accept(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  Node node() {
    Node n;
    if (!accept('[')) {
      n.number = number();
      return n;
    }
    n.is_list = true;
    if (accept(']')) return n;
    do n.items.push_back(node());
    while (accept(','));
    if (!accept(']')) fail(line_, fmt::format("expected ']' in values '{}'", s_));
    return n;
  }

  double number() {
    skip_space();
    size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.' ||
                                s_[pos_] == '-' || s_[pos_] == '+'))
      ++pos_;
    std::string word = s_.substr(start, pos_ - start);
    if (word == "True") return 1;
    if (word == "False") return 0;
    if (word == "nan") return NAN;
    if (word == "inf") return INFINITY;
    if (word == "-inf") return -INFINITY;
    char* end = nullptr;
    double v = std::strtod(word.c_str(), &end);
    if (word.empty() || *end != '\0') fail(line_, fmt::format("'{}' is not a number in values '{}'", word, s_));
    return v;
  }

  const std::string& s_;
  size_t pos_ = 0;
  int line_;
};

/// "(None, 3)", "(2,)", "()".
inline std::vector<std::optional<int64_t>> read_shape(const std::string& text, int line) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')')
    fail(line, fmt::format("a shape is written like (2, 3), not '{}'", text));
  std::vector<std::optional<int64_t>> out;
  std::stringstream in(text.substr(1, text.size() - 2));
  std::string part;
  while (std::getline(in, part, ',')) {
    size_t b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
    if (b == std::string::npos) continue;  // the empty part after "(2,"
    part = part.substr(b, e - b + 1);
    if (part == "None") {
      out.push_back(std::nullopt);
      continue;
    }
    char* end = nullptr;
    long long v = std::strtoll(part.c_str(), &end, 10);
    if (*end != '\0' || v < 0) fail(line, fmt::format("bad dimension '{}' in shape '{}'", part, text));
    out.push_back(v);
  }
  return out;
}

/// "DTYPE SHAPE VALUES" as a tensor. The concrete shape is the values' nesting,
/// or the (fully known) shape when there are no values.
inline TensorSpec read_tensor(const std::string& name, const std::string& text, int line) {
  size_t space = text.find(' ');
  size_t close = text.find(')');
  if (space == std::string::npos || close == std::string::npos)
    fail(line, fmt::format("expected 'DTYPE SHAPE VALUES', got '{}'", text));
  std::optional<DType> dtype = parse_dtype(text.substr(0, space));
  if (!dtype) fail(line, fmt::format("unknown dtype '{}'", text.substr(0, space)));
  TensorSpec spec;
  spec.name = name;
  spec.signature = read_shape(text.substr(space + 1, close - space), line);
  Dims dims;
  std::vector<double> values;
  ValueReader(text.substr(close + 1), line).read(dims, values);
  if (values.empty()) {
    dims.clear();
    for (const auto& d : spec.signature) {
      if (!d) fail(line, "an empty tensor needs a fully known shape");
      dims.push_back(*d);
    }
  }
  if (dims.size() != spec.signature.size())
    fail(line, fmt::format("the values have rank {} but the shape has rank {}", dims.size(), spec.signature.size()));
  for (size_t i = 0; i < dims.size(); ++i)
    if (spec.signature[i] && *spec.signature[i] != dims[i])
      fail(line, fmt::format("the values have shape {} but the shape says {}", format_dims(dims), text.substr(space + 1, close - space)));
  spec.value = Tensor::zeros(*dtype, dims);
  if (static_cast<size_t>(spec.value.size()) != values.size()) fail(line, "the number of values does not fit the shape");
  for (size_t i = 0; i < values.size(); ++i) {
    if (is_float(*dtype)) spec.value.set_f64(static_cast<int64_t>(i), values[i]);
    else spec.value.set_i64(static_cast<int64_t>(i), static_cast<int64_t>(values[i]));
  }
  return spec;
}

inline bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

/// One block's lines (between the fences) as an Example.
inline Example read_block(const std::vector<std::string>& lines, int first_line) {
  // Entries: "key: value" plus its continuation lines (indented by two spaces).
  struct Entry {
    std::string key, value;
    std::vector<std::string> more;
    int line;
  };
  std::vector<Entry> entries;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    int line = first_line + static_cast<int>(i);
    if (l.rfind("  ", 0) == 0) {
      if (entries.empty()) fail(line, "a continuation line before any entry");
      entries.back().more.push_back(l.substr(2));
      continue;
    }
    if (l.empty()) continue;
    size_t colon = l.find(": ");
    if (colon == std::string::npos) {
      if (!l.empty() && l.back() == ':') colon = l.size() - 1;
      else fail(line, fmt::format("expected 'key: value', got '{}'", l));
    }
    entries.push_back({l.substr(0, colon), colon + 2 <= l.size() ? l.substr(colon + 2) : "", {}, line});
  }

  Example ex;
  ex.line = first_line - 1;
  for (const Entry& e : entries) {
    std::string joined = e.value;
    if (e.key == "source") {
      if (joined == "|") joined.clear();
      for (const std::string& m : e.more) joined += (joined.empty() ? "" : "\n") + m;
      if (!ex.source.empty()) fail(e.line, "a second 'source:'");
      ex.source = joined;
      continue;
    }
    for (const std::string& m : e.more) joined += " " + m;
    if (e.key == "result") {
      ex.results.push_back(read_tensor("", joined, e.line));
    } else if (e.key == "error") {
      ex.errors.push_back(joined);
    } else if (e.key == "known_bug") {
      ex.known_bug = joined;
    } else if (e.key.rfind("arg ", 0) == 0 && is_identifier(e.key.substr(4))) {
      ex.arguments.emplace(e.key.substr(4), Argument::parse(joined));
    } else if (is_identifier(e.key)) {
      ex.inputs.push_back(read_tensor(e.key, joined, e.line));
    } else {
      fail(e.line, fmt::format("unknown entry '{}'", e.key));
    }
  }
  if (ex.source.empty()) fail(ex.line, "the example has no 'source:'");
  // An input must be a parameter of the lambda, so that a misspelt key ("results:") is
  // an error rather than an unused input. (A source that does not parse is an error
  // example; its inputs are not checked.)
  std::vector<std::string> params;
  try {
    params = Lambda::parameter_names(ex.source);
  } catch (const Error&) {
  }
  for (const TensorSpec& in : ex.inputs)
    if (!params.empty() && std::find(params.begin(), params.end(), in.name) == params.end())
      fail(ex.line, fmt::format("unknown entry '{}': not 'source', 'result', 'error', 'known_bug', 'arg NAME' "
                                "or a parameter of the lambda",
                                in.name));
  if (ex.results.empty() == ex.errors.empty())
    fail(ex.line, "an example has either 'result:' lines or 'error:' lines");
  return ex;
}

}  // namespace detail

/// Every example of a Markdown page, in order, with the "## " section it is in.
inline std::vector<Example> parse_examples(const std::string& markdown) {
  std::vector<std::string> lines;
  std::stringstream in(markdown);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  std::vector<Example> out;
  std::string section;
  bool in_fence = false;  // inside some other fenced block, whose "## " lines are not headings
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l == "```lamina-example") {
      size_t end = i + 1;
      while (end < lines.size() && lines[end] != "```") ++end;
      if (end == lines.size()) detail::fail(static_cast<int>(i + 1), "unclosed lamina-example block");
      std::vector<std::string> body(lines.begin() + static_cast<long>(i + 1), lines.begin() + static_cast<long>(end));
      Example ex = detail::read_block(body, static_cast<int>(i + 2));
      ex.section = section;
      out.push_back(std::move(ex));
      i = end;
    } else if (l.rfind("```", 0) == 0) {
      in_fence = !in_fence;
    } else if (!in_fence && l.rfind("## ", 0) == 0) {
      section = l.substr(3);
    }
  }
  return out;
}

}  // namespace lamina::doc
