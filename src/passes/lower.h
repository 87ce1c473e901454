#pragma once
// AST → tensor IR: names resolved, builtins expanded to primitive ops, every
// value typed with static (possibly symbolic) shapes.

#include <map>
#include <string>
#include <vector>

#include "dsl/ast.h"
#include "ir/function.h"
#include "lamina/lambda.h"

namespace lamina {

/// Lowers `program` for the given input signatures and bound arguments.
/// Throws lamina::Error (located in the source) on any name, call, shape or dtype error.
ir::Function lower_to_ir(const ast::Program& program, const std::vector<InputSignature>& inputs,
                   const std::map<std::string, Argument>& arguments);

}  // namespace lamina
