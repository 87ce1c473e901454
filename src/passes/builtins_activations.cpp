// Activation functions with Keras semantics (keras.activations / K.relu).

#include <cmath>
#include <numbers>

#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Op;
using ir::ValueId;

namespace {

/// Float arithmetic helpers over values, so formulas read like the math.
struct Math {
  Lowerer& L;
  SourceSpan s;
  Value num(double v) const { return Value::real(v, s); }
  Value t(ValueId id) const { return Value::tensor(id, s); }
  Value add(const Value& a, const Value& b) const { return L.binary(Op::Add, a, b, s); }
  Value sub(const Value& a, const Value& b) const { return L.binary(Op::Sub, a, b, s); }
  Value mul(const Value& a, const Value& b) const { return L.binary(Op::Mul, a, b, s); }
  Value div(const Value& a, const Value& b) const { return L.binary(Op::Div, a, b, s); }
  Value max(const Value& a, const Value& b) const { return L.binary(Op::Max, a, b, s); }
  Value min(const Value& a, const Value& b) const { return L.binary(Op::Min, a, b, s); }
  Value gt(const Value& a, const Value& b) const { return L.binary(Op::Gt, a, b, s); }
  Value f(Op op, const Value& x) const { return t(L.float_unary(op, L.to_tensor(x), s)); }
  Value where(const Value& c, const Value& a, const Value& b) const { return L.call("where", {c, a, b}, s); }
  Value relu6(const Value& x) const { return min(max(x, num(0)), num(6)); }
};

Value float_x(Lowerer&, const CallArgs& a, const char* name = "x") {
  return Value::tensor(a.float_tensor(name), a.span());
}

}  // namespace

void register_activations(BuiltinTable& t) {
  // K.relu(x, alpha, max_value, threshold), literally as Keras 2 defines it.
  t.add("relu(x, alpha=0.0, max_value=None, threshold=0.0, negative_slope=None)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = Value::tensor(a.tensor("x"), a.span());
    double alpha = a.given("negative_slope") ? a.number("negative_slope") : a.number("alpha");
    double threshold = a.number("threshold");
    if (alpha != 0 || threshold != 0 || a.given("max_value")) x = float_x(L, a);
    Value negative;
    if (alpha != 0) negative = m.max(m.add(m.mul(x, m.num(-1)), m.num(threshold)), m.num(0));
    // A Python int 0 keeps an int tensor int, as tf.nn.relu does.
    Value y = threshold != 0 ? m.where(m.gt(x, m.num(threshold)), x, m.num(0)) : m.max(x, Value::integer(0, a.span()));
    if (a.given("max_value")) y = m.min(m.max(y, m.num(0)), m.num(a.number("max_value")));
    if (alpha != 0) y = m.sub(y, m.mul(m.num(alpha), negative));
    return y;
  });
  t.add("relu6(x)", [](Lowerer& L, const CallArgs& a) { return Math{L, a.span()}.relu6(float_x(L, a)); });
  t.add("leaky_relu(x, negative_slope=0.2, alpha=None)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    double slope = a.given("alpha") ? a.number("alpha") : a.number("negative_slope");
    return m.where(m.gt(x, m.num(0)), x, m.mul(x, m.num(slope)));
  });
  t.add("elu(x, alpha=1.0)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    return m.where(m.gt(x, m.num(0)), x, m.mul(m.num(a.number("alpha")), m.f(Op::Expm1, x)));
  });
  t.add("selu(x)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    constexpr double alpha = 1.6732632423543772848170429916717, scale = 1.0507009873554804934193349852946;
    Value neg = m.mul(m.num(alpha), m.f(Op::Expm1, x));
    return m.mul(m.num(scale), m.where(m.gt(x, m.num(0)), x, neg));
  });
  t.add("celu(x, alpha=1.0)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    double alpha = a.number("alpha");
    Value neg = m.mul(m.num(alpha), m.f(Op::Expm1, m.div(x, m.num(alpha))));
    return m.add(m.max(x, m.num(0)), m.min(m.num(0), neg));
  });
  t.add("gelu(x, approximate=False)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    if (a.boolean("approximate")) {
      // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
      Value inner = m.mul(m.num(std::sqrt(2.0 / std::numbers::pi)), m.add(x, m.mul(m.num(0.044715), m.mul(x, m.mul(x, x)))));
      return m.mul(m.mul(m.num(0.5), x), m.add(m.num(1), m.f(Op::Tanh, inner)));
    }
    // 0.5 x (1 + erf(x / sqrt(2)))
    return m.mul(m.mul(m.num(0.5), x), m.add(m.num(1), m.f(Op::Erf, m.mul(x, m.num(1 / std::numbers::sqrt2)))));
  });
  t.add("sigmoid(x)", [](Lowerer& L, const CallArgs& a) { return Math{L, a.span()}.f(Op::Sigmoid, float_x(L, a)); });
  t.add("hard_sigmoid(x)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    return m.div(m.relu6(m.add(float_x(L, a), m.num(3))), m.num(6));
  });
  t.add("softplus(x)", [](Lowerer& L, const CallArgs& a) { return Math{L, a.span()}.f(Op::Softplus, float_x(L, a)); });
  t.add("softsign(x)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    return m.div(x, m.add(m.num(1), m.f(Op::Abs, x)));
  });
  t.add("silu(x)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    return m.mul(x, m.f(Op::Sigmoid, x));
  });
  t.alias("swish", "silu");
  t.add("mish(x)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    return m.mul(x, m.f(Op::Tanh, m.f(Op::Softplus, x)));
  });
  t.add("hard_silu(x)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    Value x = float_x(L, a);
    return m.div(m.mul(x, m.relu6(m.add(x, m.num(3)))), m.num(6));
  });
  t.alias("hard_swish", "hard_silu");
  t.add("log_sigmoid(x)", [](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    return m.mul(m.num(-1), m.f(Op::Softplus, m.mul(float_x(L, a), m.num(-1))));
  });
  t.add("exponential(x)", [](Lowerer& L, const CallArgs& a) { return Math{L, a.span()}.f(Op::Exp, float_x(L, a)); });
  t.add("linear(x)", [](Lowerer&, const CallArgs& a) { return Value::tensor(a.tensor("x"), a.span()); });

  // softmax / log_softmax over one axis or a tuple of axes, max-shifted for stability.
  auto shifted = [](Lowerer& L, const CallArgs& a, std::vector<int64_t>& axes) {
    Math m{L, a.span()};
    ValueId x = a.float_tensor("x");
    axes = a.axes("axis", L.rank(x));
    ValueId mx = L.reduce(Op::ReduceMax, x, axes, true, a.span());
    // An all -inf row would give -inf - -inf = nan; shift by 0 there instead (as TF does).
    Value safe = m.where(m.f(Op::IsFinite, m.t(mx)), m.t(mx), m.num(0));
    return m.sub(m.t(x), safe);
  };
  t.add("softmax(x, axis=-1)", [shifted](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    std::vector<int64_t> axes;
    Value e = m.f(Op::Exp, shifted(L, a, axes));
    return m.div(e, m.t(L.reduce(Op::ReduceSum, e.id, axes, true, a.span())));
  });
  t.add("log_softmax(x, axis=-1)", [shifted](Lowerer& L, const CallArgs& a) {
    Math m{L, a.span()};
    std::vector<int64_t> axes;
    Value z = shifted(L, a, axes);
    Value sum = m.t(L.reduce(Op::ReduceSum, m.f(Op::Exp, z).id, axes, true, a.span()));
    return m.sub(z, m.f(Op::Log, sum));
  });
}

}  // namespace lamina::lower
