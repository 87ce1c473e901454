// Random tensors (keras.random / K.random_normal): counter-based generators
// whose numbers depend only on the seed and the element's position, so a
// seeded call gives the same tensor in the interpreter and the JIT.

#include <fmt/format.h>

#include "core/random.h"
#include "passes/lowerer.h"

namespace lamina::lower {

using ir::Op;
using ir::ValueId;

namespace {

/// The seed of a call without one. It depends only on where the call is in the
/// source (its byte offset, mixed with a constant spelling "lamina"), so the same
/// source draws the same numbers every time it is compiled, while two calls in
/// one body draw different numbers.
uint64_t call_site_seed(SourceSpan s) { return mix64(0x6c616d696e61ULL ^ mix64(static_cast<uint64_t>(s.offset))); }

/// random_normal / random_uniform: `lo_name`/`hi_name` are the two parameters
/// (mean/stddev or minval/maxval). Python numbers go into the op's attributes;
/// tensors scale and shift a standard draw (standard normal, or uniform on [0, 1)).
BuiltinFn random(Op op, const char* lo_name, const char* hi_name) {
  return [=](Lowerer& L, const CallArgs& a) {
    SourceSpan s = a.span();
    DType d = a.dtype("dtype").value_or(DType::Float32);
    if (!is_float(d))
      L.fail(ErrorKind::Type, a.span_of("dtype"), fmt::format("{}() draws floats, not {}", a.callee(), dtype_name(d)),
             "use float32 or float64, and cast() the result if you need integers");
    ir::Attrs attrs;
    attrs.shape = a.shape("shape");
    attrs.dtype = d;
    attrs.seed = a.given("seed") ? static_cast<uint64_t>(a.integer("seed")) : call_site_seed(s);
    bool constant = a[lo_name].is_scalar() && a[hi_name].is_scalar();
    if (constant) {
      attrs.a = a.number(lo_name);
      attrs.b = a.number(hi_name);
      return Value::tensor(L.b().add(op, {}, attrs, s), s);
    }
    attrs.a = 0;
    attrs.b = 1;
    Value draw = Value::tensor(L.b().add(op, {}, attrs, s), s);
    Value lo = a[lo_name], hi = a[hi_name];
    if (op == Op::RandomNormal) return L.binary(Op::Add, L.binary(Op::Mul, draw, hi, s), lo, s);
    Value width = L.binary(Op::Sub, hi, lo, s);
    return L.binary(Op::Add, L.binary(Op::Mul, draw, width, s), lo, s);
  };
}

}  // namespace

void register_random(BuiltinTable& t) {
  t.add("random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None)", random(Op::RandomNormal, "mean", "stddev"));
  t.add("random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None)",
        random(Op::RandomUniform, "minval", "maxval"));
  t.alias("normal", "random_normal");
  t.alias("uniform", "random_uniform");
}

}  // namespace lamina::lower
