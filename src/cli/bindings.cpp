#include "cli/bindings.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "core/did_you_mean.h"

namespace lamina::cli {
namespace {

struct NameValue {
  std::string name;
  std::string value;
};

NameValue split_pair(const std::string& text, const std::string& option, const std::string& value_word) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw Error(ErrorKind::Value, fmt::format("{} expects NAME={}, got '{}'", option, value_word, text));
  return {text.substr(0, eq), text.substr(eq + 1)};
}

std::string list_names(const std::vector<std::string>& names) {
  if (names.empty()) return "the program has no inputs";
  return fmt::format("the program's inputs are: {}", fmt::join(names, ", "));
}

}  // namespace

std::vector<std::optional<std::string>> bind_to_inputs(const std::vector<std::string>& pairs,
                                                       const std::vector<std::string>& names,
                                                       const std::string& option) {
  std::vector<std::optional<std::string>> bound(names.size());
  for (const std::string& text : pairs) {
    NameValue nv = split_pair(text, option, "VALUE");
    auto it = std::find(names.begin(), names.end(), nv.name);
    if (it == names.end()) {
      std::optional<std::string> guess = did_you_mean(nv.name, names);
      throw Error(ErrorKind::Name,
                  fmt::format("{} {}: the program has no input '{}'; {}", option, text, nv.name, list_names(names)),
                  {}, guess ? fmt::format("did you mean '{}'?", *guess) : "");
    }
    auto& slot = bound[static_cast<size_t>(it - names.begin())];
    if (slot) throw Error(ErrorKind::Value, fmt::format("{} is given twice for input '{}'", option, nv.name));
    slot = nv.value;
  }
  return bound;
}

void require_every_input(const std::vector<std::optional<std::string>>& bound,
                         const std::vector<std::string>& names, const std::string& option,
                         const std::string& example) {
  for (size_t i = 0; i < names.size(); ++i)
    if (!bound[i])
      throw Error(ErrorKind::Name, fmt::format("missing {} for '{}'; {}", option, names[i], list_names(names)), {},
                  fmt::format("give one {} NAME=... per input, e.g. {} {}", option, option,
                              fmt::format(fmt::runtime(example), names[i])));
}

std::vector<std::string> tensor_inputs(const std::vector<std::string>& parameters,
                                       const std::map<std::string, Argument>& arguments) {
  std::vector<std::string> names;
  for (const std::string& p : parameters)
    if (!arguments.count(p)) names.push_back(p);
  return names;
}

std::map<std::string, Argument> parse_arguments(const std::vector<std::string>& pairs) {
  std::map<std::string, Argument> arguments;
  for (const std::string& text : pairs) {
    NameValue nv = split_pair(text, "--arg", "VALUE");
    if (arguments.count(nv.name)) throw Error(ErrorKind::Value, fmt::format("--arg {} is given twice", nv.name));
    try {
      arguments.emplace(nv.name, Argument::parse(nv.value));
    } catch (const Error& e) {
      throw Error(e.kind(), fmt::format("--arg {}: {}", nv.name, e.message()), {},
                  e.hint().empty() ? "values are Python literals: 3, -0.5, True, (2, 3), 'text'" : e.hint());
    }
  }
  return arguments;
}

}  // namespace lamina::cli
