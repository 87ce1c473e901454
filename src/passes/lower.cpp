#include "passes/lower.h"

#include "passes/lowerer.h"

namespace lamina {

ir::Function lower_to_ir(const ast::Program& program, const std::vector<InputSignature>& inputs,
                   const std::map<std::string, Argument>& arguments) {
  ir::Function f;
  lower::Lowerer lowerer(f, arguments);
  lowerer.lower_program(program, inputs);
  return f;
}

}  // namespace lamina
