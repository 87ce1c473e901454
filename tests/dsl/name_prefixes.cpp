// Library prefixes in front of builtin names (K., tf.math., np., ...) are dropped.

#include "dsl/dsl_test_util.h"

using namespace lamina;
using lamina::test::sexpr;

TEST_CASE("every accepted prefix is stripped from a call") {
  for (const char* prefix :
       {"K.", "ops.", "keras.ops.", "keras.backend.", "backend.", "keras.activations.", "activations.",
        "tf.math.", "tf.nn.", "tf.linalg.", "tf.keras.backend.", "tf.keras.activations.", "tf.", "np.",
        "numpy.", "jnp.", "math."}) {
    INFO(prefix);
    CHECK(sexpr(std::string(prefix) + "mean(x)") == "(call mean x)");
  }
}

TEST_CASE("the longest prefix wins") {
  CHECK(sexpr("tf.keras.backend.mean(x)") == "(call mean x)");
  CHECK(sexpr("keras.ops.relu(x)") == "(call relu x)");
}

TEST_CASE("prefixed names that are not called become plain names") {
  CHECK(sexpr("np.pi * x") == "(* pi x)");
  CHECK(sexpr("K.epsilon") == "epsilon");
}

TEST_CASE("the span of a prefixed name covers the whole dotted text") {
  ast::Program p = parse("y = K.concatenate([a, b], axis=1)");
  const ast::Expr& call = *p.body[0].value;
  CHECK(call.kind == ast::ExprKind::Call);
  CHECK(call.text == "concatenate");
  CHECK(test::where(call.span) == "1:5");
  CHECK(call.span.length == 29);
  ast::Program q = parse("np.pi");
  CHECK(q.body[0].value->span.length == 5);
}

TEST_CASE("a parameter named like a prefix is a receiver, not a prefix") {
  lamina::ast::Program p = lamina::parse("lambda K, np: K.sum(axis=1) + np.T");
  CHECK(lamina::ast::format_sexpr(*p.body[0].value) == "(+ (call sum K axis=1) (. np T))");
}

TEST_CASE("an unknown dotted name is an attribute, not a prefix") {
  CHECK(sexpr("x.shape") == "(. x shape)");
  CHECK(sexpr("foo.bar") == "(. foo bar)");
  CHECK(sexpr("np.x.T") == "(. x T)");
}
