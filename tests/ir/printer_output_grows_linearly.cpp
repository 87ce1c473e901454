// A fuzzer finding: the IR text of a long constant tuple must grow in proportion to
// its length (it once padded every line to the widest, quadratic in the tuple size).

#include <catch2/catch.hpp>

#include "ir/builder.h"
#include "ir/printer.h"

using namespace lamina;

TEST_CASE("one very long node line does not widen every other line") {
  ir::Function f;
  ir::Builder b(f);
  ir::Attrs in;
  in.shape = {ir::Dim(3)};
  ir::ValueId x = b.add(ir::Op::Input, {}, in, {1, 1, 0, 1});
  std::vector<ir::ValueId> parts(2000, x);
  ir::Attrs cat;
  cat.axis = 0;
  ir::ValueId big = b.add(ir::Op::Concat, parts, cat, {1, 1, 0, 1});
  f.inputs.push_back({"x", f.type(x), x});
  f.outputs.push_back(big);
  std::string text = ir::format_function(f);
  size_t first_line_end = text.find('\n', text.find('\n') + 1);
  std::string input_line = text.substr(text.find('\n') + 1, first_line_end - text.find('\n') - 1);
  CHECK(input_line.size() < 200);
}
