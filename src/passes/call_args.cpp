// Matching a call's arguments to a builtin's signature, and the checked
// accessors builtins read their arguments through.

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "core/did_you_mean.h"
#include "passes/lowerer.h"

namespace lamina::lower {

Value Lowerer::call(const std::string& name, std::vector<Value> positional, SourceSpan span,
                    std::vector<KeywordValue> keywords) {
  const Builtin* b = builtins().find(name);
  if (!b) fail(ErrorKind::Internal, span, fmt::format("builtin '{}' is missing", name));
  return call_builtin(name, *b, span, std::move(positional), std::move(keywords));
}

Value Lowerer::call_builtin(const std::string& name, const Builtin& builtin, SourceSpan span,
                            std::vector<Value> positional, std::vector<KeywordValue> keywords) {
  const auto& params = builtin.params;
  std::string hint = fmt::format("expected {}", builtin.signature);
  std::vector<std::optional<Value>> bound(params.size());

  size_t p = 0;
  for (size_t i = 0; i < positional.size(); ++i) {
    if (p < params.size() && params[p].variadic) {
      std::vector<Value> rest(positional.begin() + static_cast<long>(i), positional.end());
      bound[p] = Value::sequence(Value::Kind::Tuple, std::move(rest), positional[i].span);
      ++p;
      break;
    }
    if (p >= params.size()) {
      size_t max = params.size();
      fail(ErrorKind::Call, positional[i].span,
           fmt::format("{}() takes {} positional argument{} but {} were given", name, max, max == 1 ? "" : "s",
                       positional.size()),
           hint);
    }
    bound[p++] = positional[i];
  }
  for (auto& k : keywords) {
    auto it = std::find_if(params.begin(), params.end(), [&](const Parameter& q) { return q.name == k.name; });
    if (it == params.end() || it->variadic) {
      std::vector<std::string> names;
      for (const auto& q : params)
        if (!q.variadic) names.push_back(q.name);
      std::string h = hint;
      if (auto s = did_you_mean(k.name, names)) h = fmt::format("did you mean '{}'? {}", *s, hint);
      fail(ErrorKind::Call, k.span, fmt::format("{}() got an unexpected keyword argument '{}'", name, k.name), h);
    }
    size_t idx = static_cast<size_t>(it - params.begin());
    if (bound[idx])
      fail(ErrorKind::Call, k.span, fmt::format("{}() got multiple values for argument '{}'", name, k.name), hint);
    k.value.span = k.span.valid() && !k.value.span.valid() ? k.span : k.value.span;
    bound[idx] = std::move(k.value);
  }
  std::vector<std::string> names;
  std::vector<Value> values;
  for (size_t i = 0; i < params.size(); ++i) {
    if (!bound[i]) {
      if (params[i].variadic) bound[i] = Value::sequence(Value::Kind::Tuple, {}, span);
      else if (params[i].default_value) {
        bound[i] = *params[i].default_value;
        bound[i]->span = span;
      } else {
        fail(ErrorKind::Call, span, fmt::format("{}() is missing its argument '{}'", name, params[i].name), hint);
      }
    }
    names.push_back(params[i].name);
    values.push_back(std::move(*bound[i]));
  }
  return builtin.lower(*this, CallArgs(*this, name, span, std::move(names), std::move(values)));
}

CallArgs::CallArgs(Lowerer& l, std::string callee, SourceSpan span, std::vector<std::string> names,
                   std::vector<Value> values)
    : l_(l), callee_(std::move(callee)), span_(span), names_(std::move(names)), values_(std::move(values)) {}

const Value& CallArgs::operator[](const std::string& name) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return values_[i];
  l_.fail(ErrorKind::Internal, span_, fmt::format("{}() has no parameter '{}'", callee_, name));
}

bool CallArgs::given(const std::string& name) const { return !(*this)[name].is_none(); }

SourceSpan CallArgs::span_of(const std::string& name) const {
  SourceSpan s = (*this)[name].span;
  return s.valid() ? s : span_;
}

namespace {
[[noreturn]] void wrong_kind(const Lowerer& l, const CallArgs& a, const std::string& name, const char* wanted,
                             const ir::Function& f) {
  l.fail(ErrorKind::Call, a.span_of(name),
         fmt::format("argument '{}' of {}() must be {}, but it is {}", name, a.callee(), wanted, describe(a[name], f)));
}
}  // namespace

ir::ValueId CallArgs::tensor(const std::string& name) const {
  const Value& v = (*this)[name];
  if (v.is_tensor()) return v.id;
  if (v.is_scalar() || v.kind == Value::Kind::Dim || v.is_sequence()) return l_.to_tensor(v);
  wrong_kind(l_, *this, name, "a tensor", l_.function());
}

ir::ValueId CallArgs::float_tensor(const std::string& name) const { return l_.to_float(tensor(name), span_of(name)); }

std::vector<ir::ValueId> CallArgs::tensor_list(const std::string& name) const {
  const Value& v = (*this)[name];
  if (!v.is_sequence()) wrong_kind(l_, *this, name, "a list of tensors", l_.function());
  if (v.items.empty())
    l_.fail(ErrorKind::Value, span_of(name), fmt::format("{}() needs at least one tensor in '{}'", callee_, name));
  std::vector<ir::ValueId> out;
  for (const Value& item : v.items) {
    if (!item.is_tensor() && !item.is_scalar() && item.kind != Value::Kind::Dim && !item.is_sequence())
      l_.fail(ErrorKind::Call, item.span.valid() ? item.span : span_of(name),
              fmt::format("{}() expects tensors in '{}', but one item is {}", callee_, name, describe(item, l_.function())));
    out.push_back(l_.to_tensor(item));
  }
  return out;
}

int64_t CallArgs::integer(const std::string& name) const {
  const Value& v = (*this)[name];
  if (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool) return v.i;
  // A float that is a whole number int64 can hold (checked before converting: NaN, inf and 1e30 are not).
  if (v.kind == Value::Kind::Float && std::isfinite(v.f) && std::trunc(v.f) == v.f && v.f >= -0x1p63 && v.f < 0x1p63)
    return static_cast<int64_t>(v.f);
  if (v.kind == Value::Kind::Dim)
    l_.fail(ErrorKind::Call, span_of(name),
            fmt::format("argument '{}' of {}() must be known before run time, but it depends on the batch size", name, callee_),
            "give a fixed number");
  wrong_kind(l_, *this, name, "an integer", l_.function());
}

std::optional<int64_t> CallArgs::optional_integer(const std::string& name) const {
  if (!given(name)) return std::nullopt;
  return integer(name);
}

double CallArgs::number(const std::string& name) const {
  const Value& v = (*this)[name];
  if (v.kind == Value::Kind::Float) return v.f;
  if (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool) return static_cast<double>(v.i);
  wrong_kind(l_, *this, name, "a number", l_.function());
}

bool CallArgs::boolean(const std::string& name) const {
  const Value& v = (*this)[name];
  if (v.kind == Value::Kind::Bool || v.kind == Value::Kind::Int) return v.i != 0;
  if (v.kind == Value::Kind::Float) return v.f != 0;
  wrong_kind(l_, *this, name, "True or False", l_.function());
}

std::string CallArgs::string(const std::string& name) const {
  const Value& v = (*this)[name];
  if (v.kind != Value::Kind::Str) wrong_kind(l_, *this, name, "a string", l_.function());
  return v.s;
}

int64_t CallArgs::axis(const std::string& name, int rank) const {
  return l_.normalize_axis(integer(name), rank, span_of(name), name);
}

std::vector<int64_t> CallArgs::axes(const std::string& name, int rank) const {
  const Value& v = (*this)[name];
  std::vector<int64_t> out;
  if (v.is_none()) {
    for (int i = 0; i < rank; ++i) out.push_back(i);
    return out;
  }
  std::set<int64_t> seen;
  for (int64_t a : int_list(name)) {
    int64_t n = l_.normalize_axis(a, rank, span_of(name), name);
    if (!seen.insert(n).second)
      l_.fail(ErrorKind::Axis, span_of(name), fmt::format("{}() got axis {} twice", callee_, a));
  }
  return {seen.begin(), seen.end()};
}

std::vector<int64_t> CallArgs::int_list(const std::string& name) const {
  const Value& v = (*this)[name];
  if (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool) return {v.i};
  if (!v.is_sequence()) wrong_kind(l_, *this, name, "an integer or a tuple of integers", l_.function());
  std::vector<int64_t> out;
  for (const Value& item : v.items) {
    if (item.kind != Value::Kind::Int)
      l_.fail(ErrorKind::Call, item.span.valid() ? item.span : span_of(name),
              fmt::format("argument '{}' of {}() must hold integers, but one item is {}", name, callee_,
                          describe(item, l_.function())));
    out.push_back(item.i);
  }
  return out;
}

ir::Shape CallArgs::shape(const std::string& name, std::optional<ir::Dim> none_dim, int64_t* infer_axis) const {
  const Value& v = (*this)[name];
  std::vector<Value> items;
  if (v.is_sequence()) items = v.items;
  else if (v.kind == Value::Kind::Int || v.kind == Value::Kind::Dim) items = {v};
  else if (v.is_tensor() && l_.function().node(v.id).op == ir::Op::Constant && l_.rank(v.id) <= 1 &&
           is_integer(l_.dtype(v.id))) {
    const Tensor& t = l_.function().node(v.id).attrs.value;
    for (int64_t i = 0; i < t.size(); ++i) items.push_back(Value::integer(t.get_i64(i), v.span));
  } else {
    wrong_kind(l_, *this, name, "a shape (a tuple of integers)", l_.function());
  }
  ir::Shape out;
  if (infer_axis) *infer_axis = -1;
  for (size_t i = 0; i < items.size(); ++i) {
    const Value& item = items[i];
    SourceSpan s = item.span.valid() ? item.span : span_of(name);
    if (item.kind == Value::Kind::Dim) {
      out.push_back(item.dim);
    } else if (item.is_none() && none_dim) {
      out.push_back(*none_dim);
    } else if (item.kind == Value::Kind::Int && item.i == -1 && infer_axis) {
      if (*infer_axis >= 0)
        l_.fail(ErrorKind::Value, s, "a shape can contain -1 only once", "give every other dimension explicitly");
      *infer_axis = static_cast<int64_t>(i);
      out.push_back(ir::Dim(1));
    } else if (item.kind == Value::Kind::Int && item.i >= 0) {
      out.push_back(ir::Dim(item.i));
    } else if (item.kind == Value::Kind::Int) {
      l_.fail(ErrorKind::Value, s, fmt::format("a dimension cannot be negative ({})", item.i),
              infer_axis ? "use -1 for one dimension to be inferred" : "");
    } else {
      l_.fail(ErrorKind::Call, s,
              fmt::format("a shape must hold integers, but one item is {}", describe(item, l_.function())),
              none_dim ? "" : "None is not allowed here");
    }
  }
  return out;
}

std::optional<DType> CallArgs::dtype(const std::string& name) const {
  const Value& v = (*this)[name];
  if (v.is_none()) return std::nullopt;
  if (v.kind != Value::Kind::Str) wrong_kind(l_, *this, name, "a dtype name such as \"float32\"", l_.function());
  auto d = parse_dtype(v.s);
  if (!d)
    l_.fail(ErrorKind::Type, span_of(name), fmt::format("unknown dtype '{}'", v.s),
            "supported dtypes: float32, float64, int32, int64, bool");
  return d;
}

}  // namespace lamina::lower
