// Derivatives of the elementwise ops. `y` is the forward result, reused
// wherever the derivative is easier to state through it (exp, sqrt, tanh, ...).
// A broadcast operand's cotangent is summed back to its shape.

#include <cmath>

#include <fmt/format.h>

#include "autodiff/grad_rules.h"

namespace lamina::autodiff {

namespace {

struct Elementwise {
  Emitter& e;
  Step& s;
  DType t;

  ValueId c(double v) { return e.scalar(v, t); }
  ValueId mul(ValueId a, ValueId b) { return e.binary(Op::Mul, a, b); }
  ValueId div(ValueId a, ValueId b) { return e.binary(Op::Div, a, b); }
  ValueId add(ValueId a, ValueId b) { return e.binary(Op::Add, a, b); }
  ValueId sub(ValueId a, ValueId b) { return e.binary(Op::Sub, a, b); }
  ValueId neg(ValueId a) { return e.unary(Op::Neg, a); }
  ValueId sq(ValueId a) { return mul(a, a); }

  /// Gives input i the cotangent g·dy/dx_i, summed back over broadcast dims.
  void give(size_t i, ValueId ct) {
    if (s.wants(i)) s.give(i, e.unbroadcast(ct, e.shape(s.in(i))));
  }
};

/// dy/dx of a float unary op as an expression in x and y = op(x).
ValueId unary_derivative(Elementwise& w, Op op, ValueId x, ValueId y) {
  Emitter& e = w.e;
  switch (op) {
    case Op::Abs: return e.unary(Op::Sign, x);  // 0 at 0, as PyTorch
    case Op::Sqrt: return w.div(w.c(0.5), y);
    case Op::Rsqrt: return w.mul(w.c(-0.5), w.mul(y, w.sq(y)));
    case Op::Exp: return y;
    case Op::Expm1: return w.add(y, w.c(1));
    case Op::Log: return w.div(w.c(1), x);
    case Op::Log1p: return w.div(w.c(1), w.add(x, w.c(1)));
    case Op::Sin: return e.unary(Op::Cos, x);
    case Op::Cos: return w.neg(e.unary(Op::Sin, x));
    case Op::Tan: return w.add(w.c(1), w.sq(y));
    case Op::Asin: return e.unary(Op::Rsqrt, w.sub(w.c(1), w.sq(x)));
    case Op::Acos: return w.neg(e.unary(Op::Rsqrt, w.sub(w.c(1), w.sq(x))));
    case Op::Atan: return w.div(w.c(1), w.add(w.c(1), w.sq(x)));
    case Op::Sinh: return e.unary(Op::Cosh, x);
    case Op::Cosh: return e.unary(Op::Sinh, x);
    case Op::Tanh: return w.sub(w.c(1), w.sq(y));
    case Op::Asinh: return e.unary(Op::Rsqrt, w.add(w.sq(x), w.c(1)));
    case Op::Acosh: return e.unary(Op::Rsqrt, w.mul(w.sub(x, w.c(1)), w.add(x, w.c(1))));
    case Op::Atanh: return w.div(w.c(1), w.sub(w.c(1), w.sq(x)));
    case Op::Erf: return w.mul(w.c(2 / std::sqrt(M_PI)), e.unary(Op::Exp, w.neg(w.sq(x))));
    case Op::Sigmoid: return w.mul(y, w.sub(w.c(1), y));
    case Op::Softplus: return e.unary(Op::Sigmoid, x);
    default: break;
  }
  throw Error(ErrorKind::Internal, fmt::format("no derivative rule for {}", op_name(op)), w.s.node.span);
}

void unary(Elementwise& w) {
  ValueId g = w.s.g, x = w.s.in(0);
  if (w.s.node.op == Op::Neg) return w.give(0, w.neg(g));
  w.give(0, w.mul(g, unary_derivative(w, w.s.node.op, x, w.s.id)));
}

void binary(Elementwise& w) {
  Emitter& e = w.e;
  ValueId g = w.s.g, a = w.s.in(0), b = w.s.in(1), y = w.s.id;
  switch (w.s.node.op) {
    case Op::Add:
      w.give(0, g);
      return w.give(1, g);
    case Op::Sub:
      w.give(0, g);
      return w.give(1, w.neg(g));
    case Op::Mul:
      if (w.s.wants(0)) w.give(0, w.mul(g, b));
      if (w.s.wants(1)) w.give(1, w.mul(g, a));
      return;
    case Op::Div:
      if (w.s.wants(0)) w.give(0, w.div(g, b));
      if (w.s.wants(1)) w.give(1, w.neg(w.div(w.mul(g, y), b)));
      return;
    case Op::Pow: {
      // a**b: b·a**(b-1) and a**b·log(a), with PyTorch's masks where they are 0·inf.
      ValueId zero = w.c(0);
      if (w.s.wants(0)) {
        ValueId da = w.mul(b, e.binary(Op::Pow, a, w.sub(b, w.c(1))));
        w.give(0, w.mul(g, e.select(e.binary(Op::Eq, b, zero), zero, da)));
      }
      if (w.s.wants(1)) {
        ValueId db = w.mul(y, e.unary(Op::Log, a));
        ValueId masked = e.binary(Op::And, e.binary(Op::Eq, a, zero), e.binary(Op::Ge, b, zero));
        w.give(1, w.mul(g, e.select(masked, zero, db)));
      }
      return;
    }
    case Op::Max:
    case Op::Min: {
      // The larger (smaller) operand takes the cotangent; ties split it evenly.
      Op wins = w.s.node.op == Op::Max ? Op::Gt : Op::Lt;
      ValueId share = e.select(e.binary(wins, a, b), w.c(1), e.select(e.binary(Op::Eq, a, b), w.c(0.5), w.c(0)));
      ValueId ga = w.mul(g, share);
      w.give(0, ga);
      if (w.s.wants(1)) w.give(1, w.sub(g, ga));
      return;
    }
    case Op::Atan2: {
      ValueId scaled = w.div(g, w.add(w.sq(a), w.sq(b)));
      if (w.s.wants(0)) w.give(0, w.mul(scaled, b));
      if (w.s.wants(1)) w.give(1, w.neg(w.mul(scaled, a)));
      return;
    }
    case Op::Mod:  // a - floor(a / b)·b
      w.give(0, g);
      if (w.s.wants(1)) w.give(1, w.neg(w.mul(g, e.binary(Op::FloorDiv, a, b))));
      return;
    default:
      throw Error(ErrorKind::Internal, fmt::format("no derivative rule for {}", op_name(w.s.node.op)), w.s.node.span);
  }
}

}  // namespace

void grad_elementwise(Emitter& e, Step& s) {
  Elementwise w{e, s, e.type(s.g).dtype};
  switch (ir::op_group(s.node.op)) {
    case ir::OpGroup::Unary: return unary(w);
    case ir::OpGroup::Binary: return binary(w);
    case ir::OpGroup::Select: {
      ValueId zero = w.c(0), cond = s.in(0);
      if (s.wants(1)) w.give(1, e.select(cond, s.g, zero));
      if (s.wants(2)) w.give(2, e.select(cond, zero, s.g));
      return;
    }
    case ir::OpGroup::Cast: return w.give(0, e.cast(s.g, e.type(s.in(0)).dtype));
    default:
      throw Error(ErrorKind::Internal, fmt::format("{} is not elementwise", op_name(s.node.op)), s.node.span);
  }
}

}  // namespace lamina::autodiff
