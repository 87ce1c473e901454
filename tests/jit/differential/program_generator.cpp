#include "jit/differential/program_generator.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

namespace lamina::difftest {

namespace {

constexpr int64_t B = -1;              // the batch dim in a generated shape
constexpr int64_t kMaxBatch = 17;      // the largest batch a program runs with
constexpr double kUlp4 = 4.8e-7;       // 4 float32 ulp, relative: one vector-math result
constexpr double kEps = 1.2e-7;        // float32 epsilon: one rounding
constexpr double kMaxBound = 1e5;      // no expression may grow beyond this
using Shape = std::vector<int64_t>;

/// One generated expression and what the generator knows about its value.
struct Expr {
  std::string text;  // a name, or a parenthesised expression
  Shape shape;
  DType dtype = DType::Float32;
  bool exact = true;     // both engines compute it bit for bit
  double bound = 4;      // |finite value| <= bound
  double err = 0;        // a first-order bound on |jit - interpreter| (0 when exact)

  bool is_float() const { return lamina::is_float(dtype); }
  bool is_bool() const { return dtype == DType::Bool; }
  bool numeric() const { return !is_bool(); }
  bool batched() const { return !shape.empty() && shape[0] == B; }
  int rank() const { return static_cast<int>(shape.size()); }
};

/// NumPy broadcasting where the batch may only meet the batch or 1, and must stay the leading dim.
std::optional<Shape> broadcast(const Shape& a, const Shape& b) {
  size_t n = std::max(a.size(), b.size());
  for (const Shape* s : {&a, &b})
    if (!s->empty() && (*s)[0] == B && s->size() != n) return std::nullopt;
  Shape out(n);
  for (size_t i = 0; i < n; ++i) {
    int64_t da = i + a.size() >= n ? a[i + a.size() - n] : 1;
    int64_t db = i + b.size() >= n ? b[i + b.size() - n] : 1;
    if (da == db) out[i] = da;
    else if (da == 1) out[i] = db;
    else if (db == 1) out[i] = da;
    else return std::nullopt;
  }
  return out;
}

int64_t extent(int64_t d) { return d == B ? kMaxBatch : d; }

/// Python's slice length for a dim of size n.
int64_t slice_length(int64_t n, std::optional<int64_t> start, std::optional<int64_t> stop, int64_t step) {
  auto norm = [&](std::optional<int64_t> v, int64_t dflt) -> int64_t {
    if (!v) return dflt;
    int64_t x = *v < 0 ? *v + n : *v;
    return step > 0 ? std::clamp<int64_t>(x, 0, n) : std::clamp<int64_t>(x, -1, n - 1);
  };
  int64_t lo = norm(start, step > 0 ? 0 : n - 1), hi = norm(stop, step > 0 ? n : -1);
  if (step > 0) return hi > lo ? (hi - lo + step - 1) / step : 0;
  return lo > hi ? (lo - hi - step - 1) / -step : 0;
}

class Builder {
 public:
  explicit Builder(std::mt19937_64& rng) : rng_(rng) {}

  Program build() {
    make_inputs();
    int ops = static_cast<int>(pick(1, 8));
    int made = 0;
    for (int attempt = 0; made < ops && attempt < 200; ++attempt)
      if (step()) ++made;
    if (made == 0) add(*negate(pool_.back()));
    Program p;
    std::vector<const Expr*> results = {&pool_.back()};
    if (chance(0.2) && pool_.size() > 2) results.push_back(&pool_[static_cast<size_t>(pick(0, static_cast<int64_t>(pool_.size()) - 2))]);
    std::string header = "lambda ";
    for (size_t i = 0; i < inputs_.size(); ++i) header += (i ? ", " : "") + inputs_[i].name;
    p.source = header + ":\n";
    for (const std::string& s : statements_) p.source += "    " + s + "\n";
    p.source += "    return ";
    p.exact = true;
    double err = 0;
    for (size_t i = 0; i < results.size(); ++i) {
      p.source += (i ? ", " : "") + results[i]->text;
      p.exact = p.exact && results[i]->exact;
      err = std::max(err, results[i]->err);
    }
    p.source += "\n";
    p.signatures = inputs_;
    p.error_bound = 2 * err;  // the stated tolerance: the first-order bound, doubled
    return p;
  }

 private:
  std::mt19937_64& rng_;
  std::vector<Expr> pool_;
  std::vector<InputSignature> inputs_;
  std::vector<std::string> statements_;
  int names_ = 0;

  int64_t pick(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng_); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  template <class T>
  const T& one_of(const std::vector<T>& v) { return v[static_cast<size_t>(pick(0, static_cast<int64_t>(v.size()) - 1))]; }

  // ---- inputs ----

  void make_inputs() {
    static const std::vector<int64_t> ks = {1, 2, 3, 5, 7, 16, 17, 19, 33};
    static const std::vector<int64_t> ms = {1, 2, 3, 4, 6};
    int64_t k = one_of(ks), m = one_of(ms);
    Shape first = chance(0.55) ? Shape{B, k} : Shape{B, k, m};
    std::vector<Shape> shapes = {first};
    int n = static_cast<int>(pick(1, 3));
    for (int i = 1; i < n; ++i) {
      std::vector<Shape> options = {first, {first.back()}, {B, 1}};
      if (first.size() == 3) {
        options.push_back({B, k, 1});
        options.push_back({B, 1, m});
        options.push_back({k, m});
        options.push_back({1, m});
      } else {
        options.push_back({B, 1});
        options.push_back({1, k});
      }
      shapes.push_back(one_of(options));
    }
    const char* names[] = {"a", "b", "c"};
    for (size_t i = 0; i < shapes.size(); ++i) {
      DType t = DType::Float32;
      if (i > 0 && chance(0.15)) t = DType::Int32;
      if (i > 0 && chance(0.1)) t = DType::Bool;
      if (chance(0.05)) t = DType::Float64;
      InputSignature sig{names[i], t, {}};
      for (int64_t d : shapes[i]) sig.shape.push_back(d == B ? std::nullopt : std::optional<int64_t>(d));
      inputs_.push_back(sig);
      Expr e;
      e.text = names[i];
      e.shape = shapes[i];
      e.dtype = t;
      e.bound = t == DType::Bool ? 1 : 4;
      pool_.push_back(e);
    }
  }

  // ---- the pool ----

  /// Adds e to the pool, binding it to a name half of the time.
  void add(Expr e) {
    if (chance(0.5)) {
      std::string name = fmt::format("t{}", names_++);
      statements_.push_back(fmt::format("{} = {}", name, strip(e.text)));
      e.text = name;
    }
    pool_.push_back(std::move(e));
  }

  static std::string strip(const std::string& t) {
    return t.size() > 2 && t.front() == '(' && t.back() == ')' ? t.substr(1, t.size() - 2) : t;
  }

  /// An operand satisfying `ok`, preferring recent expressions (so programs chain).
  const Expr* operand(const std::function<bool(const Expr&)>& ok) {
    std::vector<const Expr*> fits;
    for (const Expr& e : pool_)
      if (ok(e)) fits.push_back(&e);
    if (fits.empty()) return nullptr;
    if (chance(0.6)) return fits.back();
    return fits[static_cast<size_t>(pick(0, static_cast<int64_t>(fits.size()) - 1))];
  }

  static Expr derived(const Expr& from, std::string text) {
    Expr e = from;
    e.text = "(" + std::move(text) + ")";
    return e;
  }

  /// An inexact result of a function with derivative at most `slope`, bounded by `bound`.
  static Expr smooth(const Expr& x, std::string text, double slope, double bound) {
    Expr e = derived(x, std::move(text));
    e.dtype = x.dtype == DType::Float64 ? DType::Float64 : DType::Float32;
    e.exact = false;
    e.bound = bound;
    e.err = slope * x.err + kUlp4 * bound;
    return e;
  }

  // ---- one operation ----

  bool step() {
    using Gen = std::optional<Expr> (Builder::*)();
    static const std::vector<std::pair<Gen, int>> gens = {
        {&Builder::gen_smooth_unary, 6}, {&Builder::gen_exact_unary, 4}, {&Builder::gen_scalar_op, 4},
        {&Builder::gen_binary, 8},       {&Builder::gen_compare, 3},     {&Builder::gen_where, 3},
        {&Builder::gen_logical, 1},      {&Builder::gen_cast, 2},        {&Builder::gen_discontinuous, 2},
        {&Builder::gen_reduce, 6},       {&Builder::gen_normalize, 3},   {&Builder::gen_slice, 4},
        {&Builder::gen_transpose, 2},    {&Builder::gen_concat, 3},      {&Builder::gen_reshape, 2},
        {&Builder::gen_contract, 1},
    };
    int total = 0;
    for (auto& g : gens) total += g.second;
    int r = static_cast<int>(pick(0, total - 1));
    for (auto& [gen, weight] : gens) {
      if (r < weight) {
        std::optional<Expr> e = (this->*gen)();
        if (!e || !(e->bound <= kMaxBound) || e->rank() > 4) return false;
        add(std::move(*e));
        return true;
      }
      r -= weight;
    }
    return false;
  }

  std::optional<Expr> negate(const Expr& x) {
    Expr e = derived(x, x.is_bool() ? "~" + x.text : "-" + x.text);
    return e;
  }

  std::optional<Expr> gen_smooth_unary() {
    const Expr* x = operand([](const Expr& e) { return e.numeric(); });
    if (!x) return std::nullopt;
    double b = x->bound;
    switch (pick(0, 16)) {
      case 0: return smooth(*x, "tanh(" + x->text + ")", 1, 1);
      case 1: return smooth(*x, "sigmoid(" + x->text + ")", 0.25, 1);
      case 2: return smooth(*x, "sin(" + x->text + ")", 1, 1);
      case 3: return smooth(*x, "cos(" + x->text + ")", 1, 1);
      case 4: return smooth(*x, "arctan(" + x->text + ")", 1, 1.6);
      case 5: return smooth(*x, "erf(" + x->text + ")", 1.13, 1);
      case 6: return smooth(*x, "softsign(" + x->text + ")", 1, 1);
      case 7: return smooth(*x, "gelu(" + x->text + ")", 1.13, b + 0.2);
      case 8: return smooth(*x, "silu(" + x->text + ")", 1.1, b + 0.3);
      case 9: return smooth(*x, "mish(" + x->text + ")", 1.1, b + 0.31);
      case 10: return smooth(*x, "softplus(" + x->text + ")", 1, b + 0.7);
      case 11: return smooth(*x, "elu(" + x->text + ")", 1, std::max(b, 1.0));
      case 12: return smooth(*x, "selu(" + x->text + ")", 1.76, 1.76 * std::max(b, 1.0));
      case 13:
        if (b > 6) return std::nullopt;
        return smooth(*x, "exp(" + x->text + ")", std::exp(b), std::exp(b));
      case 14: return smooth(*x, "log1p(abs(" + x->text + "))", 1, std::log1p(b));
      case 15: return smooth(*x, "gelu(" + x->text + ", approximate=True)", 1.13, b + 0.2);
      default: {
        if (x->exact && x->is_float()) {
          // sqrt is correctly rounded in both engines, so an exact operand gives an exact result.
          Expr e = derived(*x, "sqrt(abs(" + x->text + "))");
          e.bound = std::sqrt(b);
          return e;
        }
        return smooth(*x, "sqrt(abs(" + x->text + ") + 1)", 0.5, std::sqrt(b + 1));
      }
    }
  }

  std::optional<Expr> gen_exact_unary() {
    const Expr* x = operand([](const Expr& e) { return e.numeric(); });
    if (!x) return std::nullopt;
    switch (pick(0, 5)) {
      case 0: return negate(*x);
      case 1: return derived(*x, "abs(" + x->text + ")");
      case 2: return derived(*x, "relu(" + x->text + ")");
      case 3: {
        if (x->bound > 300) return std::nullopt;
        Expr e = derived(*x, "square(" + x->text + ")");
        e.bound = x->bound * x->bound;
        e.err = 2 * x->bound * x->err + (x->exact ? 0 : kEps * e.bound);
        return e;
      }
      case 4: {
        Expr e = derived(*x, "hard_sigmoid(" + x->text + ")");  // relu6(x + 3) / 6: exact operations
        e.dtype = x->dtype == DType::Float64 ? DType::Float64 : DType::Float32;
        e.bound = 1;
        e.err = x->err / 6 + (x->exact ? 0 : 2 * kEps);
        return e;
      }
      default: {
        Expr e = derived(*x, "relu6(" + x->text + ")");
        e.dtype = x->dtype == DType::Float64 ? DType::Float64 : DType::Float32;
        e.bound = std::min(x->bound, 6.0);
        return e;
      }
    }
  }

  /// x op c with a Python scalar (weak: the dtype stays).
  std::optional<Expr> gen_scalar_op() {
    const Expr* x = operand([](const Expr& e) { return e.is_float(); });
    if (!x) return std::nullopt;
    static const std::vector<std::string> cs = {"0.5", "2", "-1.5", "3", "0.25", "10", "1e-3"};
    std::string c = one_of(cs);
    double cv = std::fabs(std::stod(c));
    Expr e = *x;
    switch (pick(0, 3)) {
      case 0: e = derived(*x, x->text + " * " + c); e.bound = x->bound * cv; e.err = x->err * cv; break;
      case 1: e = derived(*x, x->text + " + " + c); e.bound = x->bound + cv; break;
      case 2: e = derived(*x, c + " - " + x->text); e.bound = x->bound + cv; break;
      default: e = derived(*x, x->text + " / " + c); e.bound = x->bound / cv; e.err = x->err / cv; break;
    }
    if (!e.exact) e.err += kEps * e.bound;
    return e;
  }

  /// The dtype of a op b under the language's promotion (Python scalars aside).
  static DType promoted(const Expr& a, const Expr& b) {
    DType t = promote(a.dtype, b.dtype);
    return t == DType::Bool ? DType::Int32 : t;
  }

  std::optional<Expr> gen_binary() {
    const Expr* a = operand([](const Expr& e) { return e.numeric(); });
    if (!a) return std::nullopt;
    const Expr* b = operand([&](const Expr& e) { return e.numeric() && broadcast(a->shape, e.shape); });
    if (!b) return std::nullopt;
    Shape s = *broadcast(a->shape, b->shape);
    Expr e;
    e.shape = s;
    e.dtype = promoted(*a, *b);
    e.exact = a->exact && b->exact;
    bool floats = lamina::is_float(e.dtype);
    if (!floats && (a->dtype == DType::Int64 || b->dtype == DType::Int64)) return std::nullopt;
    double round = e.exact ? 0 : kEps;
    switch (pick(0, 6)) {
      case 0:
      case 1: {
        const char* op = pick(0, 1) ? " + " : " - ";
        e.text = "(" + a->text + op + b->text + ")";
        e.bound = a->bound + b->bound;
        e.err = a->err + b->err + round * e.bound;
        break;
      }
      case 2:
        if (a->bound * b->bound > 1e4) return std::nullopt;
        e.text = "(" + a->text + " * " + b->text + ")";
        e.bound = a->bound * b->bound;
        e.err = a->err * b->bound + b->err * a->bound + round * e.bound;
        break;
      case 3:
        if (!floats) return std::nullopt;
        // A denominator >= 1 keeps the quotient well-conditioned.
        e.text = "(" + a->text + " / (1 + abs(" + b->text + ")))";
        e.bound = a->bound;
        e.err = a->err + a->bound * b->err + round * e.bound;
        break;
      case 4:
        e.text = "maximum(" + a->text + ", " + b->text + ")";
        e.bound = std::max(a->bound, b->bound);
        e.err = std::max(a->err, b->err);
        break;
      case 5:
        e.text = "minimum(" + a->text + ", " + b->text + ")";
        e.bound = std::max(a->bound, b->bound);
        e.err = std::max(a->err, b->err);
        break;
      default:
        if (!floats || a->bound > 50 || b->bound > 50) return std::nullopt;
        e.text = "((abs(" + a->text + ") + 1) ** tanh(" + b->text + "))";  // pow on a base >= 1, exponent in [-1, 1]
        e.bound = a->bound + 1;
        e.exact = false;
        e.err = a->err + (a->bound + 1) * std::log(a->bound + 1) * b->err + kUlp4 * 4 * e.bound;
        break;
    }
    return e;
  }

  std::optional<Expr> gen_compare() {
    const Expr* a = operand([](const Expr& e) { return e.numeric() && e.exact; });
    if (!a) return std::nullopt;
    static const std::vector<std::string> ops = {" < ", " <= ", " > ", " >= ", " == ", " != "};
    Expr e;
    if (chance(0.5)) {
      e = derived(*a, a->text + one_of(ops) + (a->is_float() ? "0.5" : "1"));
    } else {
      const Expr* b = operand([&](const Expr& x) { return x.numeric() && x.exact && broadcast(a->shape, x.shape); });
      if (!b) return std::nullopt;
      e.text = "(" + a->text + one_of(ops) + b->text + ")";
      e.shape = *broadcast(a->shape, b->shape);
      }
    e.dtype = DType::Bool;
    e.exact = true;
    e.err = 0;
    e.bound = 1;
    return e;
  }

  std::optional<Expr> gen_where() {
    const Expr* c = operand([](const Expr& e) { return e.is_bool() && e.exact; });
    if (!c) return std::nullopt;
    const Expr* a = operand([&](const Expr& e) { return e.numeric() && broadcast(c->shape, e.shape); });
    if (!a) return std::nullopt;
    auto s = broadcast(c->shape, a->shape);
    Expr e;
    if (chance(0.4)) {
      e.text = "where(" + c->text + ", " + a->text + ", " + (a->is_float() ? "-0.5" : "0") + ")";
      e.dtype = a->dtype;
      e.shape = *s;
      e.exact = a->exact;
      e.bound = std::max(a->bound, 0.5);
      e.err = a->err;
      return e;
    }
    const Expr* b = operand([&](const Expr& x) { return x.numeric() && broadcast(*s, x.shape); });
    if (!b) return std::nullopt;
    e.text = "where(" + c->text + ", " + a->text + ", " + b->text + ")";
    e.shape = *broadcast(*s, b->shape);
    e.dtype = promoted(*a, *b);
    e.exact = a->exact && b->exact;
    e.bound = std::max(a->bound, b->bound);
    e.err = std::max(a->err, b->err);
    return e;
  }

  std::optional<Expr> gen_logical() {
    const Expr* a = operand([](const Expr& e) { return e.is_bool() && e.exact; });
    if (!a) return std::nullopt;
    if (chance(0.3)) return derived(*a, chance(0.5) ? "~" + a->text : "logical_not(" + a->text + ")");
    const Expr* b = operand([&](const Expr& e) { return e.is_bool() && e.exact && broadcast(a->shape, e.shape); });
    if (!b) return std::nullopt;
    static const std::vector<std::string> ops = {" & ", " | ", " ^ "};
    Expr e = *a;
    e.shape = *broadcast(a->shape, b->shape);
    e.text = chance(0.5) ? "(" + a->text + one_of(ops) + b->text + ")"
                         : "logical_xor(" + a->text + ", " + b->text + ")";
    return e;
  }

  std::optional<Expr> gen_cast() {
    const Expr* x = operand([](const Expr& e) { return e.exact; });
    if (!x) return std::nullopt;
    Expr e = *x;
    if (x->is_float() && x->bound < 1e9) {
      e = derived(*x, "cast(" + x->text + ", \"int32\")");
      e.dtype = DType::Int32;
    } else if (x->dtype == DType::Float32 && chance(0.3)) {
      e = derived(*x, "cast(" + x->text + ", \"float64\")");
      e.dtype = DType::Float64;
    } else if (x->dtype == DType::Float64) {
      e = derived(*x, "cast(" + x->text + ", \"float32\")");
      e.dtype = DType::Float32;
    } else {
      e = derived(*x, "cast(" + x->text + ", \"float32\")");
      e.dtype = DType::Float32;
    }
    return e;
  }

  /// Operations with jumps: only on exact operands, so both engines see the same argument.
  std::optional<Expr> gen_discontinuous() {
    const Expr* x = operand([](const Expr& e) { return e.numeric() && e.exact; });
    if (!x) return std::nullopt;
    if (!x->is_float()) {
      static const std::vector<std::string> ops = {" % 3", " // 2", " % -4", " // -3"};
      return derived(*x, x->text + one_of(ops));
    }
    switch (pick(0, 6)) {
      case 0: return derived(*x, "floor(" + x->text + ")");
      case 1: return derived(*x, "ceil(" + x->text + ")");
      case 2: return derived(*x, "round(" + x->text + ")");
      case 3: {
        Expr e = derived(*x, "sign(" + x->text + ")");
        e.bound = 1;
        return e;
      }
      case 4: {
        Expr e = derived(*x, x->text + (chance(0.5) ? " % 2.5" : " % -1.5"));
        e.bound = 2.5;
        return e;
      }
      case 5: return derived(*x, x->text + (chance(0.5) ? " // 3" : " // -0.5"));
      default: {
        const Expr* y = operand([&](const Expr& e) { return e.is_float() && e.exact && broadcast(x->shape, e.shape); });
        if (!y) return std::nullopt;
        Expr e = smooth(*x, "arctan2(" + x->text + ", " + y->text + ")", 0, 3.15);
        e.shape = *broadcast(x->shape, y->shape);
        e.dtype = promoted(*x, *y);
        return e;
      }
    }
  }

  /// A random set of axes of x to reduce, as DSL text, with the reduced length.
  struct Axes {
    std::string text;  // ", axis=..." or ""
    std::vector<int> axes;
    int64_t length = 1;
  };
  Axes pick_axes(const Expr& x, bool single) {
    Axes a;
    int r = x.rank();
    int kind = static_cast<int>(pick(0, 9));
    if (r == 0) return a;
    if (kind == 0 && !single) {
      for (int i = 0; i < r; ++i) a.axes.push_back(i);
      a.text = "";
    } else if (kind <= 3 || r == 1) {
      a.axes = {r - 1};
      a.text = chance(0.5) ? ", axis=-1" : fmt::format(", axis={}", r - 1);
    } else if (kind <= 5 && r >= 3 && !single) {
      a.axes = {1, 2};
      a.text = ", axis=(1, 2)";
    } else if (kind <= 7 && r >= 3) {
      a.axes = {1};  // a non-trailing axis
      a.text = ", axis=1";
    } else {
      a.axes = {0};
      a.text = ", axis=0";
    }
    for (int i : a.axes) a.length *= extent(x.shape[static_cast<size_t>(i)]);
    return a;
  }

  static Shape reduced_shape(const Shape& s, const std::vector<int>& axes, bool keepdims) {
    Shape out;
    for (size_t i = 0; i < s.size(); ++i) {
      bool r = std::count(axes.begin(), axes.end(), static_cast<int>(i)) > 0;
      if (!r) out.push_back(s[i]);
      else if (keepdims) out.push_back(1);
    }
    return out;
  }

  std::optional<Expr> gen_reduce() {
    const Expr* x = operand([](const Expr& e) { return e.rank() > 0; });
    if (!x) return std::nullopt;
    Axes ax = pick_axes(*x, false);
    bool keep = chance(0.5);
    std::string kd = keep ? ", keepdims=True" : "";
    Expr e;
    e.shape = reduced_shape(x->shape, ax.axes, keep);
    double n = static_cast<double>(ax.length);
    double b = x->bound;
    // float32 summation in 16 lanes: each lane adds n/16 terms.
    double sum_round = kEps * n * b * (2 + n / 16);
    auto call = [&](const char* fn) { return fmt::format("{}({}{}{})", fn, x->text, ax.text, kd); };
    if (x->is_bool()) {
      static const std::vector<std::string> fns = {"any", "all", "sum"};
      std::string fn = one_of(fns);
      e.text = call(fn.c_str());
      e.dtype = fn == "sum" ? DType::Int32 : DType::Bool;
      e.bound = fn == "sum" ? n : 1;
      return e;
    }
    if (!x->is_float()) {
      static const std::vector<std::string> fns = {"sum", "max", "min", "mean"};
      std::string fn = one_of(fns);
      e.text = call(fn.c_str());
      e.dtype = x->dtype;
      e.bound = fn == "sum" ? n * b : b;
      if (fn == "mean") {
        e.dtype = DType::Float32;
        e.exact = false;
        e.err = kEps * b * 4;
      }
      return e;
    }
    e.dtype = x->dtype;
    e.exact = false;
    switch (pick(0, 6)) {
      case 0:
        e.text = call("sum");
        e.bound = n * b;
        e.err = n * x->err + sum_round;
        break;
      case 1:
        e.text = call("mean");
        e.bound = b;
        e.err = x->err + sum_round / n + kEps * b;
        break;
      case 2:
      case 3:
        e.text = call(pick(0, 1) ? "max" : "min");
        e.exact = x->exact;
        e.bound = b;
        e.err = x->err;
        break;
      case 4:
        if (b > 300) return std::nullopt;
        e.text = call("var");
        e.bound = 4 * b * b;
        e.err = 4 * b * (2 * x->err + sum_round / n) + sum_round * 4 * b / n;
        break;
      case 5:
        e.text = call("logsumexp");
        e.bound = b + std::log(std::max(n, 1.0));
        e.err = x->err + 4 * kUlp4 * e.bound + sum_round / n;
        break;
      default:
        if (b > 1) return std::nullopt;  // products of values in [-1, 1] stay bounded
        e.text = call("prod");
        e.bound = 1;
        e.err = n * x->err + kEps * n * 2;
        break;
    }
    return e;
  }

  std::optional<Expr> gen_normalize() {
    const Expr* x = operand([](const Expr& e) { return e.is_float() && e.rank() > 0; });
    if (!x) return std::nullopt;
    Axes ax = pick_axes(*x, true);
    std::string axis = ax.text.empty() ? ", axis=-1" : ax.text;
    double n = static_cast<double>(ax.length), b = x->bound;
    double sum_round = kEps * n * b * b * (2 + n / 16);
    Expr e = *x;
    e.exact = false;
    switch (pick(0, 2)) {
      case 0:
        e.text = fmt::format("softmax({}{})", x->text, axis);
        e.bound = 1;
        e.err = 2 * x->err + 8 * kUlp4 + sum_round / std::max(1.0, n * b * b);
        break;
      case 1:
        e.text = fmt::format("log_softmax({}{})", x->text, axis);
        e.bound = 2 * b + std::log(std::max(n, 1.0));
        e.err = 2 * x->err + 4 * kUlp4 * e.bound + sum_round / std::max(1.0, n * b * b);
        break;
      default:
        // Dividing by a row norm is ill-conditioned for rows near 0: only long rows, or exact ones.
        if (!x->exact && ax.length < 4) return std::nullopt;
        e.text = fmt::format("l2_normalize({}{})", x->text, axis);
        e.bound = 1;
        e.err = 10 * x->err + 8 * kEps + sum_round / std::max(1.0, n * b * b);
        break;
    }
    return e;
  }

  std::optional<Expr> gen_slice() {
    const Expr* x = operand([](const Expr& e) { return e.rank() > 0; });
    if (!x) return std::nullopt;
    int r = x->rank();
    int axis = static_cast<int>(pick(0, r - 1));
    int64_t n = x->shape[static_cast<size_t>(axis)];
    Expr e = *x;
    std::string prefix;
    for (int i = 0; i < axis; ++i) prefix += ":, ";
    if (n == B) {
      // The batch may only be reversed (a specialised compile) or kept whole.
      e.text = "(" + x->text + "[::-1])";
      return e;
    }
    if (n > 1 && chance(0.15) && r >= 2) {
      int64_t i = pick(-n, n - 1);
      e.text = fmt::format("({}[{}{}])", x->text, prefix, i);
      e.shape.erase(e.shape.begin() + axis);
      return e;
    }
    if (chance(0.1) && r < 4) {
      e.text = fmt::format("({}[{}None])", x->text, prefix);
      e.shape.insert(e.shape.begin() + axis, 1);
      return e;
    }
    int64_t step = one_of(std::vector<int64_t>{-3, -2, -1, -1, 1, 1, 2, 3});
    std::optional<int64_t> start, stop;
    if (chance(0.5)) start = pick(-n - 1, n + 1);
    if (chance(0.5)) stop = pick(-n - 1, n + 1);
    int64_t len = slice_length(n, start, stop, step);
    if (len == 0 && chance(0.9)) return std::nullopt;  // empty dims now and then
    auto bound_text = [](std::optional<int64_t> v) { return v ? std::to_string(*v) : std::string(); };
    std::string sl = bound_text(start) + ":" + bound_text(stop) + (step == 1 ? "" : ":" + std::to_string(step));
    e.text = chance(0.3) && axis == r - 1 ? fmt::format("({}[..., {}])", x->text, sl)
                                         : fmt::format("({}[{}{}])", x->text, prefix, sl);
    e.shape[static_cast<size_t>(axis)] = len;
    return e;
  }

  std::optional<Expr> gen_transpose() {
    const Expr* x = operand([](const Expr& e) { return e.rank() >= 2 && (e.rank() >= 3 || !e.batched()); });
    if (!x) return std::nullopt;
    Expr e = *x;
    if (x->rank() == 2) {
      e.text = "transpose(" + x->text + ")";
      std::swap(e.shape[0], e.shape[1]);
    } else if (x->rank() == 3) {
      e.text = (chance(0.5) ? "transpose(" : "permute_dimensions(") + x->text + ", (0, 2, 1))";
      std::swap(e.shape[1], e.shape[2]);
    } else {
      e.text = "transpose(" + x->text + ", (0, 3, 1, 2))";
      e.shape = {x->shape[0], x->shape[3], x->shape[1], x->shape[2]};
    }
    return e;
  }

  std::optional<Expr> gen_concat() {
    // No zero-size operands: their concatenation crashes the fusion pass today (every_builtin.cpp).
    auto nonempty = [](const Expr& e) { return std::find(e.shape.begin(), e.shape.end(), 0) == e.shape.end(); };
    const Expr* a = operand([&](const Expr& e) { return e.rank() >= 1 && (e.rank() >= 2 || !e.batched()) && nonempty(e); });
    if (!a) return std::nullopt;
    int axis = static_cast<int>(pick(a->batched() ? 1 : 0, a->rank() - 1));
    const Expr* b = operand([&](const Expr& e) {
      if (e.rank() != a->rank() || e.dtype != a->dtype || !nonempty(e)) return false;
      for (int i = 0; i < e.rank(); ++i)
        if (i != axis && e.shape[static_cast<size_t>(i)] != a->shape[static_cast<size_t>(i)]) return false;
      return true;
    });
    if (!b) return std::nullopt;
    Expr e = *a;
    std::string other = b->text;
    if (b == a && chance(0.5)) other = a->is_bool() ? "~" + a->text : "-" + a->text;
    bool last = axis == a->rank() - 1;
    std::string axis_text = last && chance(0.5) ? "" : fmt::format(", axis={}", last && chance(0.5) ? -1 : axis);
    e.text = fmt::format("{}([{}, {}]{})", chance(0.5) ? "concat" : "concatenate", a->text, other, axis_text);
    e.shape[static_cast<size_t>(axis)] = a->shape[static_cast<size_t>(axis)] + b->shape[static_cast<size_t>(axis)];
    e.exact = a->exact && b->exact;
    e.bound = std::max(a->bound, b->bound);
    e.err = std::max(a->err, b->err);
    return e;
  }

  std::optional<Expr> gen_reshape() {
    const Expr* x = operand([](const Expr& e) { return e.batched() && e.rank() >= 2; });
    if (!x) return std::nullopt;
    Expr e = *x;
    if (x->rank() == 3 && chance(0.6)) {
      e.text = chance(0.5) ? "flatten(" + x->text + ")" : fmt::format("reshape({}, (None, {}))", x->text, x->shape[1] * x->shape[2]);
      e.shape = {B, x->shape[1] * x->shape[2]};
      return e;
    }
    int64_t n = 1;
    for (size_t i = 1; i < x->shape.size(); ++i) n *= x->shape[i];
    switch (pick(0, 2)) {
      case 0:
        e.text = fmt::format("expand_dims({}, -1)", x->text);
        e.shape.push_back(1);
        return e;
      case 1:
        e.text = fmt::format("repeat({}, 2, axis=-1)", x->text);
        e.shape.back() *= 2;
        return e;
      default: {
        for (int64_t p : {2, 3, 4}) {
          if (n % p || n == p) continue;
          e.text = fmt::format("reshape({}, (None, {}, {}))", x->text, p, n / p);
          e.shape = {B, p, n / p};
          return e;
        }
        return std::nullopt;
      }
    }
  }

  /// Products and scans: matmul (the JIT's GEMM for floats), cumsum, argmax.
  std::optional<Expr> gen_contract() {
    const Expr* x = operand([](const Expr& e) { return e.numeric() && e.rank() == 3 && e.batched(); });
    if (!x) return std::nullopt;
    Expr e = *x;
    switch (pick(0, 2)) {
      case 0: {
        if (x->bound > 100) return std::nullopt;
        double m = static_cast<double>(x->shape[2]);
        e.text = fmt::format("({} @ transpose({}, (0, 2, 1)))", x->text, x->text);
        e.shape = {B, x->shape[1], x->shape[1]};
        e.bound = m * x->bound * x->bound;
        // Floats: the JIT's GEMM sums in float32 (error up to m·eps·Σ|a·b|), the interpreter in double.
        e.err = 2 * m * x->bound * x->err + (x->is_float() ? (m + 1) * kEps * e.bound : 0);
        if (x->is_float()) e.exact = false;
        if (e.bound > kMaxBound) return std::nullopt;
        return e;
      }
      case 1:
        e.text = fmt::format("cumsum({}, axis={})", x->text, pick(1, 2));
        e.bound = x->bound * static_cast<double>(std::max(x->shape[1], x->shape[2]));
        e.err = x->err * static_cast<double>(std::max(x->shape[1], x->shape[2]));
        if (x->is_bool()) e.dtype = DType::Int32;
        return e;
      default: {
        if (!x->exact) return std::nullopt;
        int axis = static_cast<int>(pick(1, 2));
        e.text = fmt::format("argmax({}, axis={})", x->text, axis);
        e.shape.erase(e.shape.begin() + axis);
        e.dtype = DType::Int32;
        e.bound = 40;
        return e;
      }
    }
  }
};

}  // namespace

Tolerance Program::tolerance() const {
  if (exact) return kSameValue;
  return {1e-5, 1e-6 + error_bound, "generated"};
}

Program ProgramGenerator::next() { return Builder(rng_).build(); }

}  // namespace lamina::difftest
