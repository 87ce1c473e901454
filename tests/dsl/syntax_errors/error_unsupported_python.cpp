// Python statements and expressions that Lamina leaves out, each named with a hint.

#include "dsl/dsl_test_util.h"

using lamina::test::check_error;
using lamina::test::parse_error;

TEST_CASE("import, from, def and class") {
  check_error("import numpy as np", "1:1", "'import' is not part of the Lamina language");
  CHECK(parse_error("import numpy").hint() == "builtins need no import: write mean(x), K.mean(x) or np.mean(x)");
  check_error("from keras import ops", "1:1", "'from ... import' is not part of the Lamina language");
  check_error("lambda x:\n  def f(y): return y", "2:3", "'def' is not part of the Lamina language");
  check_error("class A: pass", "1:1", "'class' is not part of the Lamina language");
}

TEST_CASE("await, yield, with, try, raise, assert, del, pass, global") {
  check_error("y = await f(x)", "1:5", "'await' is not part of the Lamina language");
  check_error("yield x", "1:1", "'yield' is not part of the Lamina language");
  check_error("with x: y", "1:1", "'with' is not part of the Lamina language");
  check_error("try: x", "1:1", "'try' is not part of the Lamina language");
  check_error("raise x", "1:1", "'raise' is not part of the Lamina language");
  check_error("assert x", "1:1", "'assert' is not part of the Lamina language");
  check_error("del x", "1:1", "'del' is not part of the Lamina language");
  check_error("x; pass", "1:4", "'pass' is not part of the Lamina language");
  check_error("global x", "1:1", "'global' is not part of the Lamina language");
}

TEST_CASE("a Python keyword cannot be used as a name") {
  check_error("y = np.for", "1:8", "'for' is not supported");
  check_error("lambda import: 1", "1:8", "'import' is not part of the Lamina language");
  check_error("f(class=1)", "1:3", "'class' is not part of the Lamina language");
}

TEST_CASE("f-strings and byte strings") {
  check_error("cast(x, f'int{n}')", "1:9", "f-strings are not part of the Lamina language");
  check_error("cast(x, b'int32')", "1:9", "byte strings are not part of the Lamina language");
}

TEST_CASE("dict and set literals") {
  check_error("y = {'a': 1}", "1:5", "dict and set literals ('{') are not part of the Lamina language");
}

TEST_CASE("shift operators") {
  check_error("y = x << 2", "1:7", "shift operators ('<<') are not part of the Lamina language");
  check_error("y = x >> 2", "1:7", "shift operators ('>>') are not part of the Lamina language");
  check_error("x <<= 2", "1:3", "'<<=' is not part of the Lamina language");
}

TEST_CASE("type annotations") {
  check_error("y: float = x", "1:2", "type annotations are not part of the Lamina language");
  check_error("lambda x -> x: x", "1:10", "annotations ('->') are not part of the Lamina language");
}

TEST_CASE("calling something that is not a function name") {
  check_error("y = f(x)(2)", "1:5", "cannot call this expression");
  check_error("y = x[0](2)", "1:5", "cannot call this expression");
}
