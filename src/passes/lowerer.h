#pragma once
// Lowering of a parsed lambda body to the tensor IR. The Lowerer walks the
// AST, keeps the environment of names, and offers the helpers every builtin
// uses (promotion, broadcasting, axis checking). Builtins live in
// builtins_*.cpp, one file per family, and are looked up by name.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dsl/ast.h"
#include "ir/builder.h"
#include "lamina/lambda.h"
#include "passes/value.h"

namespace lamina::lower {

class Lowerer;

/// The arguments of one builtin call, matched to the builtin's signature.
/// Accessors convert and check, throwing errors located at the argument.
class CallArgs {
 public:
  CallArgs(Lowerer& l, std::string callee, SourceSpan span, std::vector<std::string> names,
           std::vector<Value> values);

  const Value& operator[](const std::string& name) const;
  bool given(const std::string& name) const;  // not None
  SourceSpan span() const { return span_; }    // the whole call
  SourceSpan span_of(const std::string& name) const;
  const std::string& callee() const { return callee_; }

  ir::ValueId tensor(const std::string& name) const;  // tensors and scalars (scalars as float32/int32/bool)
  ir::ValueId float_tensor(const std::string& name) const;  // ints and bools cast to float32
  std::vector<ir::ValueId> tensor_list(const std::string& name) const;
  int64_t integer(const std::string& name) const;
  std::optional<int64_t> optional_integer(const std::string& name) const;
  double number(const std::string& name) const;  // int or float
  bool boolean(const std::string& name) const;
  std::string string(const std::string& name) const;
  /// An axis of a tensor of `rank`, normalised to 0..rank-1 (Axis error with the valid range).
  int64_t axis(const std::string& name, int rank) const;
  /// None → every axis; an int or a tuple/list of ints → sorted unique normalised axes.
  std::vector<int64_t> axes(const std::string& name, int rank) const;
  /// A list of ints (a single int becomes a one-element list).
  std::vector<int64_t> int_list(const std::string& name) const;
  /// A shape: ints, None (→ `none_dim`), and run-time dims from shape(x); -1 at most once.
  ir::Shape shape(const std::string& name, std::optional<ir::Dim> none_dim = std::nullopt,
                  int64_t* infer_axis = nullptr) const;
  std::optional<DType> dtype(const std::string& name) const;

 private:
  Lowerer& l_;
  std::string callee_;
  SourceSpan span_;
  std::vector<std::string> names_;
  std::vector<Value> values_;
};

using BuiltinFn = std::function<Value(Lowerer&, const CallArgs&)>;

/// One parameter of a builtin's Python-style signature.
struct Parameter {
  std::string name;
  std::optional<Value> default_value;  // none: required
  bool variadic = false;               // *name: collects the remaining positionals as a tuple
};

struct Builtin {
  std::string signature;  // Python-style: "mean(x, axis=None, keepdims=False)"
  std::vector<Parameter> params;
  BuiltinFn lower;
};

/// A keyword argument at a call site.
struct KeywordValue {
  std::string name;
  SourceSpan span;
  Value value;
};

/// Name → builtin; aliases map to the same entry.
class BuiltinTable {
 public:
  void add(const std::string& signature, BuiltinFn fn);           // name taken from the signature
  void alias(const std::string& alias, const std::string& name);  // alias(...) behaves as name(...)
  const Builtin* find(const std::string& name) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, Builtin> table_;
};

/// The table of every builtin (built once, on first use).
const BuiltinTable& builtins();

// Registration, one per family (builtins_<family>.cpp).
void register_elementwise(BuiltinTable& t);
void register_activations(BuiltinTable& t);
void register_reductions(BuiltinTable& t);
void register_shape_ops(BuiltinTable& t);
void register_linalg(BuiltinTable& t);
void register_gather_ops(BuiltinTable& t);
void register_random(BuiltinTable& t);
void register_params(BuiltinTable& t);

class Lowerer {
 public:
  Lowerer(ir::Function& f, const std::map<std::string, Argument>& arguments);

  /// Lowers the whole program; inputs must match its parameters.
  void lower_program(const ast::Program& p, const std::vector<InputSignature>& inputs);

  Value expr(const ast::Expr& e);

  /// Calls builtin `name` as the body would (arguments matched to its signature).
  Value call(const std::string& name, std::vector<Value> positional, SourceSpan span,
             std::vector<KeywordValue> keywords = {});

  // ---- helpers for builtins ----
  ir::Builder& b() { return b_; }
  ir::Function& function() { return f_; }
  const ir::Type& type(ir::ValueId v) const { return f_.type(v); }
  int rank(ir::ValueId v) const { return f_.type(v).rank(); }
  DType dtype(ir::ValueId v) const { return f_.type(v).dtype; }

  /// A tensor for `v`: tensors as they are; Python scalars as 0-d constants of
  /// their default dtype (int32, float32, bool); Dims as DimSize; tuples of scalars as 1-d.
  ir::ValueId to_tensor(const Value& v);
  /// A constant scalar tensor of `dtype`.
  ir::ValueId scalar(double value, DType dtype, SourceSpan span = {});
  /// NumPy-style binary op on two values, with weak Python scalars and the op's
  /// dtype rules (true division and math on ints give float32; comparisons give bool).
  Value binary(ast::Operator op, const Value& a, const Value& b, SourceSpan span);
  Value binary(ir::Op op, const Value& a, const Value& b, SourceSpan span);
  /// The dtype of `a op b` before op-specific rules: NumPy promotion between
  /// tensors; a weak Python scalar only changes the kind (int tensor * 0.5 → float32).
  DType result_dtype(const Value& a, const Value& b);
  /// `v` as a tensor of `dtype` (weak scalars become constants of it, tensors are cast).
  ir::ValueId as_dtype(const Value& v, DType dtype);
  /// A float unary op (ints/bools are cast to float32 first).
  ir::ValueId float_unary(ir::Op op, ir::ValueId x, SourceSpan span);
  ir::ValueId to_float(ir::ValueId x, SourceSpan span);  // ints/bools → float32
  ir::ValueId to_bool(ir::ValueId x, SourceSpan span);   // x != 0
  ir::ValueId select(ir::ValueId c, ir::ValueId a, ir::ValueId b, SourceSpan span);
  /// Reduction with keepdims; `axes` already normalised.
  ir::ValueId reduce(ir::Op op, ir::ValueId x, const std::vector<int64_t>& axes, bool keepdims, SourceSpan span);
  /// Number of elements over `axes` as a float scalar tensor of `dtype` (run-time dims included).
  ir::ValueId count(ir::ValueId x, const std::vector<int64_t>& axes, DType dtype, SourceSpan span);
  ir::ValueId reshape(ir::ValueId x, ir::Shape shape, SourceSpan span, int64_t infer_axis = -1);
  ir::ValueId transpose(ir::ValueId x, std::vector<int64_t> perm, SourceSpan span);
  ir::ValueId expand_dims(ir::ValueId x, int64_t axis, SourceSpan span);  // axis already in 0..rank
  ir::ValueId broadcast_to(ir::ValueId x, ir::Shape shape, SourceSpan span);
  ir::ValueId concat(std::vector<ir::ValueId> xs, int64_t axis, SourceSpan span);  // promotes dtypes
  ir::ValueId slice_axis(ir::ValueId x, int64_t axis, int64_t start, int64_t stop, int64_t step, SourceSpan span);
  ir::ValueId flatten_all(ir::ValueId x, SourceSpan span);
  /// Casts both to their promoted dtype.
  std::pair<ir::ValueId, ir::ValueId> promote_pair(ir::ValueId a, ir::ValueId b, SourceSpan span);
  /// Normalises `axis` for `rank` or throws an Axis error at `span`.
  int64_t normalize_axis(int64_t axis, int rank, SourceSpan span, const std::string& what = "axis");

  /// The name being assigned by the statement being lowered (for param()).
  const std::string& current_target() const { return current_target_; }
  uint64_t next_param_seed() { return ++param_counter_; }

  [[noreturn]] void fail(ErrorKind kind, SourceSpan span, std::string message, std::string hint = {}) const;

 private:
  Value name(const ast::Expr& e);
  Value call(const ast::Expr& e);
  Value call_builtin(const std::string& name, const Builtin& builtin, SourceSpan span, std::vector<Value> positional,
                     std::vector<KeywordValue> keywords);
  Value subscript(const ast::Expr& e);
  Value attribute(const ast::Expr& e);
  Value unary(const ast::Expr& e);
  Value conditional(const ast::Expr& e);
  Value index_tensor(const Value& x, const std::vector<Value>& items, SourceSpan span);
  Value argument_value(const Argument& a, SourceSpan span);
  void bind_inputs(const ast::Program& p, const std::vector<InputSignature>& inputs);
  void assign(const std::vector<ast::Target>& targets, const Value& v, SourceSpan span);
  void set_outputs(const Value& result, SourceSpan span);

  ir::Function& f_;
  ir::Builder b_;
  const std::map<std::string, Argument>& arguments_;
  std::map<std::string, Value> env_;
  std::string current_target_;
  uint64_t param_counter_ = 0;
};

}  // namespace lamina::lower
