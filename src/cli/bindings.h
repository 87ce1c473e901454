#pragma once
// NAME=VALUE options (--input, --input-shape, --input-dtype, --arg) matched to
// the names a program declares.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lamina/lambda.h"

namespace lamina::cli {

/// Values of a repeated NAME=VALUE option, matched to `names` (the program's
/// inputs): the result has one entry per name, in the same order, nullopt where
/// the option was not given for it. `option` ("--input") is used in messages.
/// Throws lamina::Error for text without '=', an unknown name (with a
/// did-you-mean hint and the list of inputs), or a name given twice.
std::vector<std::optional<std::string>> bind_to_inputs(const std::vector<std::string>& pairs,
                                                       const std::vector<std::string>& names,
                                                       const std::string& option);

/// Throws lamina::Error naming the first input with no value, e.g.
/// "missing --input for 'w'; the program's inputs are: x, w". `example` shows the
/// option's value for an input, with {} for its name: "{}=PATH.npy".
void require_every_input(const std::vector<std::optional<std::string>>& bound,
                         const std::vector<std::string>& names, const std::string& option,
                         const std::string& example);

/// The parameters that are tensor inputs: those not bound by an --arg (as in Keras,
/// where a Lambda's `arguments` fill some of its function's parameters).
std::vector<std::string> tensor_inputs(const std::vector<std::string>& parameters,
                                       const std::map<std::string, Argument>& arguments);

/// --arg NAME=VALUE pairs, each VALUE a Python literal (3, -0.5, True, (2, 3), 'text').
std::map<std::string, Argument> parse_arguments(const std::vector<std::string>& pairs);

}  // namespace lamina::cli
